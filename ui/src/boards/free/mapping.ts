// Free board cards → xyflow nodes, and where a new sticky note goes. Pure.
import type { Node } from '@xyflow/react';
import type { FreeCard, Picture, Pos } from '../../types';
import { NodeCache } from '../flowNodes';
import type { BoardOf } from '../kinds';

export type FreeBoard = BoardOf<'free'>;

/** Sticky-note colours; each has dark text on a light ground (AA contrast). */
export const colors = ['yellow', 'green', 'blue', 'pink'] as const;
export type StickyColor = (typeof colors)[number];

export type StickyData = { text: string; color: StickyColor; picture: Picture | null; match: boolean };
export type StickyNode = Node<StickyData, 'sticky'>;

export function stickyColor(color: string): StickyColor {
  return (colors as readonly string[]).includes(color) ? (color as StickyColor) : 'yellow';
}

/** One node per card; `cache` gives an unchanged card the node it had. */
export function toStickyNodes(
  board: FreeBoard,
  selected: string | null = null,
  matches: ReadonlySet<string> = new Set(),
  cache: NodeCache<FreeCard, StickyNode> = new NodeCache(),
): StickyNode[] {
  return board.cards.map((c: FreeCard) => {
    const isSelected = c.id === selected;
    const match = matches.has(c.id);
    return cache.node(c, (isSelected ? 1 : 0) + (match ? 2 : 0), () => ({
      id: c.id,
      type: 'sticky',
      position: { x: c.pos.x, y: c.pos.y },
      selected: isSelected,
      data: { text: c.text, color: stickyColor(c.color), picture: c.picture ?? null, match },
    }));
  });
}

/** Where a new note goes: the first free place in rows of five, so it covers no other note. */
export function newCardPos(board: FreeBoard): Pos {
  const free = (x: number, y: number) =>
    !board.cards.some((c) => Math.abs(c.pos.x - x) < 200 && Math.abs(c.pos.y - y) < 180);
  for (let slot = 0; ; slot++) {
    const pos = { x: (slot % 5) * 220, y: Math.floor(slot / 5) * 200 };
    if (free(pos.x, pos.y)) return pos;
  }
}
