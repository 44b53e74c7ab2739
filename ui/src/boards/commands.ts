// Builders for the board commands every editor sends. Pure: they only shape the
// `Command` the core expects; the core fills ids and keeps the state.
import type { Command, Item, ItemType, Pos } from '../types';

/** An item to add; the core gives it its id. */
type NewItem = Item extends infer I ? (I extends { id: string } ? Omit<I, 'id'> : never) : never;

export function addItem(board: string, item: NewItem): Command {
  return { cmd: 'add_item', board, item: { id: '', ...item } as Item };
}

export function patchItem(board: string, item_type: ItemType, id: string, patch: Record<string, unknown>): Command {
  return { cmd: 'patch_item', board, item_type, id, patch };
}

export function moveItem(board: string, item_type: ItemType, id: string, pos: Pos): Command {
  return { cmd: 'move_item', board, item_type, id, pos: { x: Math.round(pos.x), y: Math.round(pos.y) } };
}

export function deleteItem(board: string, item_type: ItemType, id: string): Command {
  return { cmd: 'delete_item', board, item_type, id };
}

export function patchBoard(board: string, patch: Record<string, unknown>): Command {
  return { cmd: 'patch_board', board, patch };
}
