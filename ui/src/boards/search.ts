// Search on a board: which items match the words typed. Pure; no React.
import type { Board } from '../types';
import { allItems } from './collections';

/** Lower case in Finnish, so Ä and ä (and Å, Ö) match each other. */
export function fold(text: string): string {
  return text.toLocaleLowerCase('fi').normalize('NFC');
}

/** True when every word of `query` occurs in `text`; an empty query matches nothing. */
export function matches(text: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const haystack = fold(text);
  return words.every((w) => haystack.includes(w));
}

/** The ids of the items whose text fields match `query`. */
export function matchingIds(board: Board, query: string): Set<string> {
  const found = new Set<string>();
  if (!query.trim()) return found;
  for (const { item } of allItems(board)) {
    const text = Object.values(item)
      .filter((v): v is string => typeof v === 'string')
      .join(' ');
    if (matches(text, query)) found.add(item.id);
  }
  return found;
}
