import { describe, expect, it } from 'vitest';
import { applyChange } from '../backend/viewChange';
import type { Board, FreeCard, ViewChange, WorkshopView } from '../types';
import { sampleView } from '../workshop/fixture.test-data';
import { NodeCache, reconcile } from './flowNodes';
import { toStickyNodes, type FreeBoard, type StickyNode } from './free/mapping';

const card = (i: number): FreeCard => ({ id: `c${i}`, text: `Kortti ${i}`, color: 'yellow', picture: null, pos: { x: i * 10, y: 0 } });
const free = { id: 'f', title: 'Vapaa', session_id: null, archived: false, order: 1, kind: 'free', cards: [1, 2, 3].map(card) } as unknown as Board;
const view: WorkshopView = { ...sampleView, boards: [free] };
const edit = (id: string, text: string): ViewChange => ({
  revision: 2, complete: false, meta: null, sessions: null, comments: null, control: null, trash: null, removed_boards: [],
  boards: [{ id: 'f', whole: null, items: [{ collection: 'cards', id, item: { ...card(Number(id.slice(1))), text } }] }],
});

describe('canvas nodes after a remote edit', () => {
  it('keep every unchanged card’s node the same object; only the edited card gets a new one', () => {
    const cache = new NodeCache<FreeCard, StickyNode>();
    const before = toStickyNodes(view.boards[0] as FreeBoard, null, new Set(), cache);
    const after = toStickyNodes(applyChange(view, edit('c2', 'Muokattu')).boards[0] as FreeBoard, null, new Set(), cache);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1].data.text).toBe('Muokattu');
  });

  it('make a new node when the card is selected or matches the search', () => {
    const cache = new NodeCache<FreeCard, StickyNode>();
    const board = view.boards[0] as FreeBoard;
    const before = toStickyNodes(board, null, new Set(), cache);
    const after = toStickyNodes(board, 'c1', new Set(['c3']), cache);
    expect(after[0].selected).toBe(true);
    expect(after[2].data.match).toBe(true);
    expect(after[1]).toBe(before[1]);
  });

  it('keep what React Flow made of an unchanged node, and the size of a changed one', () => {
    const before = toStickyNodes(view.boards[0] as FreeBoard);
    const live = before.map((n) => ({ ...n, measured: { width: 200, height: 120 } }));
    const next = [before[0], { ...before[1], data: { ...before[1].data, text: 'Uusi' } }, before[2]];
    const nodes = reconcile(next, before, live);
    expect(nodes[0]).toBe(live[0]);
    expect(nodes[2]).toBe(live[2]);
    expect(nodes[1].data.text).toBe('Uusi');
    expect(nodes[1].measured).toEqual({ width: 200, height: 120 });
  });
});

describe('nodes after a card is added in the middle', () => {
  it('still keep what React Flow made of every card that did not change', () => {
    const before = toStickyNodes(view.boards[0] as FreeBoard);
    const live = before.map((n) => ({ ...n, measured: { width: 200, height: 120 } }));
    const added = { ...before[0], id: 'c1b' };
    const nodes = reconcile([before[0], added, before[1], before[2]], before, live);
    expect(nodes[0]).toBe(live[0]);
    expect(nodes[1]).toBe(added);
    expect(nodes[2]).toBe(live[1]);
    expect(nodes[3]).toBe(live[2]);
  });
});
