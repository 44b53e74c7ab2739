// Free board cards → xyflow nodes, and where a new sticky note goes. Pure.
import type { Node } from '@xyflow/react';
import type { FreeCard, Pos } from '../../types';
import type { BoardOf } from '../kinds';

export type FreeBoard = BoardOf<'free'>;

/** Sticky-note colours; each has dark text on a light ground (AA contrast). */
export const colors = ['yellow', 'green', 'blue', 'pink'] as const;
export type StickyColor = (typeof colors)[number];

export type StickyData = { text: string; color: StickyColor };
export type StickyNode = Node<StickyData, 'sticky'>;

export function stickyColor(color: string): StickyColor {
  return (colors as readonly string[]).includes(color) ? (color as StickyColor) : 'yellow';
}

export function toStickyNodes(board: FreeBoard, selected: string | null = null): StickyNode[] {
  return board.cards.map((c: FreeCard) => ({
    id: c.id,
    type: 'sticky',
    position: { x: c.pos.x, y: c.pos.y },
    selected: c.id === selected,
    data: { text: c.text, color: stickyColor(c.color) },
  }));
}

/** Where a new note goes: right of the rightmost note on the top row, wrapping after five. */
export function newCardPos(board: FreeBoard): Pos {
  const n = board.cards.length;
  return { x: (n % 5) * 220, y: Math.floor(n / 5) * 200 };
}
