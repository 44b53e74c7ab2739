import type { EditorProps } from '../registry';

export function ServicePathEditor(_props: EditorProps) {
  return null;
}
