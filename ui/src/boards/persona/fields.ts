// The persona sheet's fields, the avatar reference, and the persona canvas
// mapping from the projection to @xyflow/react nodes. Pure; no React.
import type { Node } from '@xyflow/react';
import type { Board, Persona } from '../../types';
import { NodeCache } from '../flowNodes';

export type PersonaField = {
  key: keyof Persona & string;
  required: boolean;
  multiline: boolean;
};

/** In the method's order; the bold ones of the method are required. */
export const personaFields: PersonaField[] = [
  { key: 'name', required: true, multiline: false },
  { key: 'age', required: false, multiline: false },
  { key: 'life_situation', required: true, multiline: true },
  { key: 'support_needs', required: true, multiline: true },
  { key: 'strengths', required: false, multiline: true },
  { key: 'goal', required: true, multiline: true },
  { key: 'how_to_reach', required: false, multiline: true },
  { key: 'services', required: false, multiline: true },
  { key: 'quote', required: false, multiline: false },
];

/** Customer value in three parts: toiminnallinen / sosiaalinen / tunteet. */
export const valueFields = ['value_functional', 'value_social', 'value_emotional'] as const;

/** How many drawn avatars there are (`drawn:1` … `drawn:N`). */
export const DRAWN_COUNT = 4;

export type AvatarRef = { drawn: number } | { media: string } | null;

export function avatarRef(avatar: string | null): AvatarRef {
  if (!avatar) return null;
  const [kind, value] = avatar.split(':', 2);
  if (kind === 'drawn' && Number(value) >= 1 && Number(value) <= DRAWN_COUNT) return { drawn: Number(value) };
  if (kind === 'media' && value) return { media: value };
  return null;
}

export function personasOf(board: Board): Persona[] {
  return board.kind === 'persona' ? [...board.personas].sort((a, b) => a.order - b.order) : [];
}

export type PersonaNodeData = { persona: Persona; match: boolean };
export type PersonaNode = Node<PersonaNodeData, 'persona'>;

/** Where a new persona goes: right of the last one, so none hides another. */
export function nextPosition(personas: Persona[]): { x: number; y: number } {
  if (personas.length === 0) return { x: 0, y: 0 };
  const right = Math.max(...personas.map((p) => p.pos.x));
  const top = Math.min(...personas.map((p) => p.pos.y));
  return { x: right + 260, y: top };
}

/** One node per persona; `cache` gives an unchanged persona the node it had. */
export function personaNodes(
  board: Board,
  selected: ReadonlySet<string>,
  matches: ReadonlySet<string>,
  cache: NodeCache<Persona, PersonaNode> = new NodeCache(),
): PersonaNode[] {
  return personasOf(board).map((persona) => {
    const isSelected = selected.has(persona.id);
    const match = matches.has(persona.id);
    return cache.node(persona, (isSelected ? 1 : 0) + (match ? 2 : 0), () => ({
      id: persona.id,
      type: 'persona',
      position: { x: persona.pos.x, y: persona.pos.y },
      selected: isSelected,
      data: { persona, match },
      ariaLabel: persona.name,
    }));
  });
}
