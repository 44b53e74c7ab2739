// Copy and paste of items between boards of the same kind: copies are plain
// items without ids; pasting turns each into an `add_item` command. Pure.
import type { Board, BoardKind, Command, Item, ItemType } from '../types';
import { allItems, itemsOf, type AnyItem } from './collections';

export type Copied = { kind: BoardKind; items: Array<{ itemType: ItemType; item: AnyItem }> };

/** How far a pasted copy moves from the original, so both stay visible. */
export const PASTE_OFFSET = 32;

/** The selected items of `board`, ready to paste. */
export function copyItems(board: Board, ids: ReadonlySet<string>): Copied {
  const items = allItems(board)
    .filter(({ item }) => ids.has(item.id))
    .map(({ itemType, item }) => ({ itemType, item: structuredClone(item) }));
  return { kind: board.kind, items };
}

/** The commands that paste `copied` into `board`; none when the kinds differ. */
export function pasteCommands(board: Board, copied: Copied): Command[] {
  if (copied.kind !== board.kind) return [];
  const phases = itemsOf(board, 'phases').map((p) => p.id);
  const lanes = itemsOf(board, 'lanes').map((l) => l.id);
  return copied.items.map(({ itemType, item }) => {
    const { id: _id, composite_note: _note, ...fields } = item;
    const copy: Record<string, unknown> = { ...fields };
    const pos = copy.pos as { x: number; y: number } | undefined;
    if (pos) copy.pos = { x: pos.x + PASTE_OFFSET, y: pos.y + PASTE_OFFSET };
    if (itemType === 'PathCard') {
      // A card pasted onto another path lands in the first cell if its own is not there.
      if (!phases.includes(String(copy.phase_id))) copy.phase_id = phases[0] ?? '';
      if (!lanes.includes(String(copy.lane_id))) copy.lane_id = lanes[0] ?? '';
    }
    return { cmd: 'add_item', board: board.id, item: { type: itemType, ...copy } as unknown as Item };
  });
}
