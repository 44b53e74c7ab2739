// Finding an item anywhere in the workshop by its id, and its words. Pure.
import type { WorkshopView } from '../types';

const textKeys = ['name', 'text', 'question', 'title', 'plain'] as const;

export type Found = { board: string; text: string };

export function findItem(view: WorkshopView, id: string): Found | null {
  for (const board of view.boards) {
    if (board.id === id) return { board: board.id, text: board.title };
    for (const value of Object.values(board)) {
      if (!Array.isArray(value)) continue;
      for (const item of value as unknown[]) {
        if (typeof item !== 'object' || item === null || (item as { id?: unknown }).id !== id) continue;
        const record = item as Record<string, unknown>;
        const key = textKeys.find((k) => typeof record[k] === 'string' && (record[k] as string).trim());
        return { board: board.id, text: key ? String(record[key]) : '' };
      }
    }
  }
  return null;
}

/** The CSS selector of an item's element on any board, by the data attributes boards use. */
export function itemSelector(id: string): string {
  const v = CSS.escape(id);
  return `[data-id="${v}"], [data-node-id="${v}"], [data-idea-id="${v}"], [data-item-id="${v}"]`;
}
