// Which collections each board kind holds and the item type of each, as the
// core names them (`ItemType` in commands). Pure data; no React.
import type { Board, BoardKind, ItemType } from '../types';

export type Collection = { key: string; itemType: ItemType };

export const collections: Record<BoardKind, Collection[]> = {
  persona: [{ key: 'personas', itemType: 'Persona' }],
  service_path: [
    { key: 'phases', itemType: 'Phase' },
    { key: 'lanes', itemType: 'Lane' },
    { key: 'cards', itemType: 'PathCard' },
    { key: 'endpoints', itemType: 'Endpoint' },
  ],
  causal_map: [
    { key: 'nodes', itemType: 'CausalNode' },
    { key: 'links', itemType: 'CausalLink' },
  ],
  cafe: [
    { key: 'stations', itemType: 'Station' },
    { key: 'groups', itemType: 'CafeGroup' },
    { key: 'notes', itemType: 'CafeNote' },
  ],
  idea_wall: [
    { key: 'ideas', itemType: 'Idea' },
    { key: 'clusters', itemType: 'Cluster' },
    { key: 'votes', itemType: 'Vote' },
  ],
  free: [{ key: 'cards', itemType: 'FreeCard' }],
  glossary: [{ key: 'terms', itemType: 'Term' }],
  phenomenon: [{ key: 'entries', itemType: 'Entry' }],
  operating_model: [
    { key: 'elements', itemType: 'ModelElement' },
    { key: 'parts', itemType: 'PhasePart' },
    { key: 'interfaces', itemType: 'Interface' },
  ],
  quality_criteria: [{ key: 'criteria', itemType: 'Criterion' }],
  evaluation: [
    { key: 'items', itemType: 'EvalItem' },
    { key: 'answers', itemType: 'Answer' },
  ],
};

/** Board fields that are neither items nor plain settings: what the core works out. */
export const derivedKeys = ['root_causes', 'loops', 'rotation', 'ranking', 'results'] as const;

export type AnyItem = { id: string } & Record<string, unknown>;

/** The items of one collection of a board, as the projection holds them. */
export function itemsOf(board: Board, key: string): AnyItem[] {
  const value = (board as unknown as Record<string, unknown>)[key];
  return Array.isArray(value) ? (value as AnyItem[]) : [];
}

/** Every item of a board with its type, collection by collection. */
export function allItems(board: Board): Array<{ itemType: ItemType; item: AnyItem }> {
  return collections[board.kind].flatMap(({ key, itemType }) =>
    itemsOf(board, key).map((item) => ({ itemType, item })),
  );
}
