// Applies what changed in the core's projection to the view the UI holds. Pure.
// Everything the change does not name stays the same object (===), so memoised
// components and React Flow's node objects for unchanged items stay as they are.
import type { Board, BoardChange, ChangedItem, ViewChange, WorkshopView } from '../types';

type Item = { id: string; order?: number };

/** The view after `change`; `view` may be null only when the change is complete. */
export function applyChange(view: WorkshopView | null, change: ViewChange): WorkshopView {
  if (change.complete || !view) {
    if (!change.complete) throw new Error('a partial change needs a view to apply to');
    return completeView(view, change);
  }
  const boards = applyBoards(view.boards, change.boards, change.removed_boards);
  const same = boards === view.boards && !change.meta && !change.sessions && !change.comments && !change.control && !change.trash;
  if (same) return view;
  return {
    ...view,
    meta: change.meta ? keepEqual(view.meta, change.meta) : view.meta,
    sessions: change.sessions ? keepEqual(view.sessions, change.sessions) : view.sessions,
    comments: change.comments ? keepEqual(view.comments, change.comments) : view.comments,
    control: change.control ? keepEqual(view.control, change.control) : view.control,
    trash: change.trash ? keepEqual(view.trash, change.trash) : view.trash,
    boards,
  };
}

/** A complete change names every board; what equals the view held is kept from it. */
function completeView(view: WorkshopView | null, change: ViewChange): WorkshopView {
  if (!change.meta || !change.sessions || !change.comments || !change.control) {
    throw new Error('a complete change carries the whole workshop');
  }
  const whole = {
    format: view?.format ?? 1,
    meta: change.meta,
    sessions: change.sessions,
    comments: change.comments,
    control: change.control,
    trash: change.trash ?? [],
    boards: sorted(change.boards.flatMap((b) => (b.whole ? [b.whole] : []))),
  };
  return view ? keepEqual(view, whole) : whole;
}

function applyBoards(boards: Board[], changes: BoardChange[], removed: string[]): Board[] {
  if (changes.length === 0 && removed.length === 0) return boards;
  const gone = new Set(removed);
  const byId = new Map(changes.map((c) => [c.id, c]));
  let reorder = false;
  let changed = false;
  const next: Board[] = [];
  for (const board of boards) {
    if (gone.has(board.id)) {
      changed = true;
      continue;
    }
    const c = byId.get(board.id);
    byId.delete(board.id);
    const after = c ? applyBoard(board, c) : board;
    changed ||= after !== board;
    reorder ||= after.order !== board.order;
    next.push(after);
  }
  for (const c of byId.values()) {
    if (c.whole && !gone.has(c.id)) {
      next.push(c.whole);
      changed = reorder = true;
    }
  }
  if (!changed) return boards;
  return reorder ? sorted(next) : next;
}

function applyBoard(board: Board, change: BoardChange): Board {
  // Kinds with keys computed from several items come whole: keep their unchanged items.
  if (change.whole) return keepEqual(board, change.whole);
  if (change.items.length === 0) return board;
  const byCollection = new Map<string, ChangedItem[]>();
  for (const c of change.items) byCollection.set(c.collection, [...(byCollection.get(c.collection) ?? []), c]);
  const next: Record<string, unknown> = { ...board };
  for (const [collection, changes] of byCollection) {
    const items = next[collection];
    next[collection] = applyItems(Array.isArray(items) ? (items as Item[]) : [], changes);
  }
  return next as Board;
}

/** Replaces, adds and removes items by id; the rest keep their objects and their order. */
export function applyItems<T extends Item>(items: readonly T[], changes: readonly ChangedItem[]): T[] {
  const byId = new Map(changes.map((c) => [c.id, c.item as T | null]));
  const next: T[] = [];
  let reorder = false;
  for (const item of items) {
    if (!byId.has(item.id)) {
      next.push(item);
      continue;
    }
    const after = byId.get(item.id);
    byId.delete(item.id);
    if (!after) continue;
    reorder ||= (after.order ?? 0) !== (item.order ?? 0);
    next.push(after);
  }
  for (const added of byId.values()) {
    if (!added) continue;
    next.push(added);
    reorder = true;
  }
  return reorder ? sorted(next) : next;
}

/** By (`order`, `id`), as the core sorts every collection. */
function sorted<T extends Item>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `next`, with each part that equals the same part of `old` kept as `old`'s object.
 * Array items are matched by `id` where they have one, else by place. */
export function keepEqual<T>(old: unknown, next: T): T {
  if (old === next || typeof next !== 'object' || next === null || typeof old !== 'object' || old === null) return next;
  if (Array.isArray(next)) return Array.isArray(old) ? (keepEqualItems(old, next) as T) : next;
  if (Array.isArray(old)) return next;
  const before = old as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let same = Object.keys(before).length === Object.keys(next).length;
  for (const [key, value] of Object.entries(next)) {
    const kept = keepEqual(before[key], value);
    same &&= key in before && kept === before[key];
    out[key] = kept;
  }
  return same ? (old as T) : (out as T);
}

function keepEqualItems(old: unknown[], next: unknown[]): unknown[] {
  const idOf = (x: unknown) => (typeof x === 'object' && x !== null && typeof (x as Item).id === 'string' ? (x as Item).id : null);
  const byId = new Map(old.map((o) => [idOf(o), o]));
  let same = old.length === next.length;
  const out = next.map((n, i) => {
    const id = idOf(n);
    const kept = keepEqual(id === null ? old[i] : byId.get(id), n);
    same &&= kept === old[i];
    return kept;
  });
  return same ? old : out;
}
