// The generic list view of any board: every item as a title and its filled-in
// fields, in a form a screen reader reads top to bottom. Pure; no React.
import type { Board, ItemType } from '../types';
import { allItems, derivedKeys, type AnyItem } from './collections';

export type ListRow = {
  id: string;
  itemType: ItemType;
  title: string;
  /** Field name and value, in the item's own field order; empty and internal fields left out. */
  fields: Array<[string, string]>;
};

const TITLE_KEYS = ['name', 'text', 'question', 'title'];
const HIDDEN_KEYS = new Set(['id', 'pos', 'order', 'composite_note', 'avatar']);

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null; // nested structures are shown by their own rows
}

export function titleOf(item: AnyItem): string {
  for (const key of TITLE_KEYS) {
    const value = show(item[key]);
    if (value) return value;
  }
  return '';
}

export function listRows(board: Board): ListRow[] {
  return allItems(board).map(({ itemType, item }) => {
    const title = titleOf(item);
    const fields: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(item)) {
      if (HIDDEN_KEYS.has(key)) continue;
      const text = show(value);
      if (text !== null && text !== title) fields.push([key, text]);
    }
    return { id: item.id, itemType, title, fields };
  });
}

/** What the core worked out for this board (root causes, loops, ranking…), as text lines. */
export function derivedLines(board: Board): Array<[string, string]> {
  const record = board as unknown as Record<string, unknown>;
  const names = new Map(allItems(board).map(({ item }) => [item.id, titleOf(item)]));
  const name = (id: unknown) => names.get(String(id)) || String(id);
  const lines: Array<[string, string]> = [];
  for (const key of derivedKeys) {
    const value = record[key];
    if (!Array.isArray(value) || value.length === 0) continue;
    const parts = value.map((entry: unknown) => {
      if (typeof entry === 'string') return name(entry);
      if (Array.isArray(entry)) return entry.map(name).join(' → ');
      const e = entry as Record<string, unknown>;
      if (Array.isArray(e.nodes)) return `${(e.nodes as unknown[]).map(name).join(' → ')} (${String(e.kind)})`;
      if ('idea_id' in e) return `${name(e.idea_id)}: ${String(e.votes)}`;
      if ('item_id' in e) return `${name(e.item_id)}: ${e.mean ?? '–'}`;
      return JSON.stringify(e);
    });
    lines.push([key, parts.join('; ')]);
  }
  return lines;
}
