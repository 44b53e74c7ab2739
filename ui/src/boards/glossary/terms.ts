// The glossary's terms in the group's order, and moving one a place up or down. Pure.
import type { Term } from '../../types';
import { movedOrder } from '../../workshop/order';
import type { BoardOf } from '../kinds';

export type Glossary = BoardOf<'glossary'>;

/** Terms by their `order`; equal orders keep the order the core gave. */
export function sortedTerms(board: Glossary): Term[] {
  return [...board.terms].sort((a, b) => a.order - b.order);
}

/** The new `order` for the term at `index` moved by one place; null at either end. */
export function termMovedOrder(sorted: readonly Term[], index: number, by: -1 | 1): number | null {
  return movedOrder(sorted, index, by);
}

/** The name that stands for a term in buttons: its word, or its number while it has none. */
export function termName(term: Term, index: number, numbered: (n: number) => string): string {
  return term.term.trim() || numbered(index + 1);
}
