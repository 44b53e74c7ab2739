// Which collections each board kind holds and the item type of each, as the
// core names them (`ItemType` in commands). Pure data; no React.
import { computedKeys, itemCollections, type Board, type BoardKind, type ItemType } from '../types';

export type Collection = { key: string; itemType: ItemType };

/** Each board kind's item collections, as the core declares them. */
export const collections: Record<BoardKind, Collection[]> = itemCollections;

/** Board fields that are neither items nor plain settings: what the core works out. */
export const derivedKeys = computedKeys;

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
