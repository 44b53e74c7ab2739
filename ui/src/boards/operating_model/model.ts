// The operating model's lists in their order, and what each reflection round
// gathered and changed. Pure; no React.
import type { Command, Comment, ElementKind, ItemChange, ItemType, OperatingModelBoard, PartKind, Round, RoundChanges } from '../../types';
import { movedOrder } from '../../workshop/order';
import { patchItem } from '../commands';
import type { BoardOf } from '../kinds';

export type Model = BoardOf<'operating_model'>;

export const elementKinds: readonly ElementKind[] = ['principle', 'way_of_working', 'phase'];
export const partKinds: readonly PartKind[] = ['actor', 'service', 'tool', 'indicator'];

/** A copy sorted by `order`; equal orders keep their place. */
export function inOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}

/** The command that moves `sorted[index]` one place up (-1) or down (1); null at either end. */
export function moveCommand(
  board: string,
  itemType: ItemType,
  sorted: readonly { id: string; order: number }[],
  index: number,
  by: -1 | 1,
): Command | null {
  const order = movedOrder(sorted, index, by);
  return order === null ? null : patchItem(board, itemType, sorted[index].id, { order });
}

export function elementsOf(m: OperatingModelBoard, kind: ElementKind) {
  return inOrder(m.elements.filter((e) => e.kind === kind));
}

export function partsOf(m: OperatingModelBoard, phase: string, kind: PartKind) {
  return inOrder(m.parts.filter((p) => p.phase_id === phase && p.kind === kind));
}

export function roundsOf(m: OperatingModelBoard): Round[] {
  return [...m.rounds].sort((a, b) => a.number - b.number);
}

export function openRound(m: OperatingModelBoard): Round | null {
  return m.rounds.find((r) => r.open) ?? null;
}

/** The number the next round gets. */
export function nextRoundNumber(m: OperatingModelBoard): number {
  return m.rounds.reduce((max, r) => Math.max(max, r.number), 0) + 1;
}

/** The comments written on the board during round `n`, oldest first. */
export function roundComments(comments: readonly Comment[], board: string, n: number): Comment[] {
  return comments
    .filter((c) => c.board_id === board && c.round === n)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
}

export type RoundDiff = { added: ItemChange[]; removed: ItemChange[]; changed: ItemChange[] };

const HIDDEN_TYPES = new Set(['Comment', 'Round']);

/** What changed on the model after round `n`: the model's own items only; null when unknown. */
export function changesAfter(all: readonly RoundChanges[], board: string, n: number): RoundDiff | null {
  const found = all.find((r) => r.board_id === board && r.number === n);
  if (!found) return null;
  const shown = (list: ItemChange[] | undefined) => (list ?? []).filter((c) => !HIDDEN_TYPES.has(c.item_type));
  return { added: shown(found.diff?.added), removed: shown(found.diff?.removed), changed: shown(found.diff?.changed) };
}

export function isEmpty(diff: RoundDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}
