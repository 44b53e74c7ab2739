import { describe, expect, it } from 'vitest';
import { newCardPos, stickyColor, toStickyNodes, type FreeBoard } from './mapping';

const board = (n: number): FreeBoard => ({
  id: 'f',
  title: 'Vapaa',
  session_id: null,
  archived: false,
  order: 0,
  kind: 'free',
  cards: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `Lappu ${i} ÅÄÖ`, color: i ? 'green' : 'violet', picture: i ? 'bridge' : null, pos: { x: i, y: 2 * i } })),
});

describe('free board mapping', () => {
  it('turns cards into sticky nodes at their positions', () => {
    const nodes = toStickyNodes(board(2), 'c1');
    expect(nodes[1]).toMatchObject({ id: 'c1', type: 'sticky', position: { x: 1, y: 2 }, selected: true });
    expect(nodes[1].data).toEqual({ text: 'Lappu 1 ÅÄÖ', color: 'green', picture: 'bridge', match: false });
    expect(nodes[0].data.picture, 'a card without a picture stays a plain note').toBeNull();
  });

  it('falls back to yellow for a colour it does not know', () => {
    expect(stickyColor('violet')).toBe('yellow');
    expect(toStickyNodes(board(1))[0].data.color).toBe('yellow');
  });

  it('places a new note in the first free place, in rows of five', () => {
    expect(newCardPos(board(0))).toEqual({ x: 0, y: 0 });
    const b = board(0);
    b.cards = [0, 1, 2, 3, 4].map((i) => ({ id: `c${i}`, text: '', color: 'yellow', picture: null, pos: { x: i * 220, y: 0 } }));
    expect(newCardPos(b), 'the top row is full').toEqual({ x: 0, y: 200 });
    b.cards[2].pos = { x: 500, y: 600 };
    expect(newCardPos(b), 'a moved note frees its place').toEqual({ x: 440, y: 0 });
  });
});
