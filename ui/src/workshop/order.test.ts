import { describe, expect, it } from 'vitest';
import { lines, movedOrder, parseMinutes } from './order';

const sortAfter = (list: { id: string; order: number }[], id: string, order: number) =>
  list
    .map((e) => (e.id === id ? { ...e, order } : e))
    .sort((a, b) => a.order - b.order)
    .map((e) => e.id);

describe('moving a session or a step', () => {
  const list = [
    { id: 'a', order: 1 },
    { id: 'b', order: 2 },
    { id: 'c', order: 3 },
    { id: 'd', order: 4 },
  ];

  it('moves one place up, between the two before it', () => {
    const order = movedOrder(list, 2, -1);
    expect(order).toBe(1.5);
    expect(sortAfter(list, 'c', order!), 'c now comes right before b').toEqual(['a', 'c', 'b', 'd']);
  });

  it('moves one place down, between the two after it', () => {
    expect(sortAfter(list, 'a', movedOrder(list, 0, 1)!)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('moves to the very top and the very bottom past the end neighbour', () => {
    expect(sortAfter(list, 'b', movedOrder(list, 1, -1)!)).toEqual(['b', 'a', 'c', 'd']);
    expect(sortAfter(list, 'c', movedOrder(list, 2, 1)!)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('does not move the first up or the last down', () => {
    expect(movedOrder(list, 0, -1)).toBeNull();
    expect(movedOrder(list, 3, 1)).toBeNull();
    expect(movedOrder([], 0, 1)).toBeNull();
  });

  it('still moves past a neighbour that shares its order number with the next one', () => {
    const tied = [
      { id: 'a', order: 1 },
      { id: 'b', order: 2 },
      { id: 'c', order: 2 },
    ];
    expect(sortAfter(tied, 'a', movedOrder(tied, 0, 1)!)[0], 'a is no longer first').toBe('b');
  });
});

describe('reading what was typed into a step', () => {
  it('makes one support question of each non-empty line', () => {
    expect(lines(' Mikä on arkea?\n\n  Mikä auttaa?  \n')).toEqual(['Mikä on arkea?', 'Mikä auttaa?']);
  });

  it('reads minutes as a whole number, empty as not set, and refuses anything else', () => {
    expect(parseMinutes('45')).toBe(45);
    expect(parseMinutes(' ')).toBeNull();
    expect(parseMinutes('puoli tuntia')).toBeUndefined();
    expect(parseMinutes('-5')).toBeUndefined();
  });
});
