import { describe, expect, it } from 'vitest';
import type { Term } from '../../types';
import { sortedTerms, termMovedOrder, termName, type Glossary } from './terms';

const term = (id: string, order: number, word = id): Term => ({ id, term: word, meaning: '', plain: '', order });
const board = (terms: Term[]): Glossary => ({ id: 'g', title: 'Käsitteet', session_id: null, archived: false, order: 0, kind: 'glossary', terms });

describe('glossary terms', () => {
  it('lists terms by their order, and equal orders as the core gave them', () => {
    const ids = sortedTerms(board([term('c', 3), term('a', 1), term('b1', 2), term('b2', 2)])).map((t) => t.id);
    expect(ids, 'order decides; a tie keeps the projection order').toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('moves a term between its new neighbours, and not past either end', () => {
    const sorted = sortedTerms(board([term('a', 1), term('b', 2), term('c', 3)]));
    expect(termMovedOrder(sorted, 2, -1), 'c goes between a and b').toBe(1.5);
    expect(termMovedOrder(sorted, 0, 1), 'a goes between b and c').toBe(2.5);
    expect(termMovedOrder(sorted, 1, -1), 'b goes before a').toBe(0);
    expect(termMovedOrder(sorted, 0, -1), 'the first cannot go up').toBeNull();
    expect(termMovedOrder(sorted, 2, 1), 'the last cannot go down').toBeNull();
  });

  it('names a term by its word, or by its number while the word is empty', () => {
    expect(termName(term('a', 1, 'Palveluohjaus'), 0, (n) => `Käsite ${n}`)).toBe('Palveluohjaus');
    expect(termName(term('b', 2, '  '), 1, (n) => `Käsite ${n}`)).toBe('Käsite 2');
  });
});
