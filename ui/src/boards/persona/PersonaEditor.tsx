import type { EditorProps } from '../registry';

export function PersonaEditor(_props: EditorProps) {
  return null;
}
