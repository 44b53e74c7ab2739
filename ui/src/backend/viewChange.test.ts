import { describe, expect, it } from 'vitest';
import type { Board, ViewChange, WorkshopView } from '../types';
import { sampleView } from '../workshop/fixture.test-data';
import { applyChange } from './viewChange';

const board = (id: string, order: number, cards: { id: string; text: string; order?: number }[] = []) =>
  ({ id, title: id, session_id: null, archived: false, order, kind: 'free', cards }) as unknown as Board;

const card = (id: string, text: string, order?: number) => ({ id, text, color: 'yellow', picture: null, pos: { x: 0, y: 0 }, ...(order === undefined ? {} : { order }) });

const view: WorkshopView = {
  ...sampleView,
  boards: [board('a', 1, [card('c1', 'Yksi'), card('c2', 'Kaksi'), card('c3', 'Kolme')]), board('b', 2), board('c', 3)],
};

const change = (over: Partial<ViewChange>): ViewChange => ({
  revision: 1, complete: false, meta: null, sessions: null, comments: null, control: null, trash: null, boards: [], removed_boards: [], ...over,
});

const cardsOf = (v: WorkshopView, id: string) => (v.boards.find((b) => b.id === id) as unknown as { cards: { id: string; text: string }[] }).cards;

describe('a change from the core applied to the view the UI holds', () => {
  it('replaces the one changed card and keeps every other card and board the same object', () => {
    const next = applyChange(view, change({ boards: [{ id: 'a', whole: null, items: [{ collection: 'cards', id: 'c2', item: card('c2', 'Muokattu') }] }] }));
    expect(cardsOf(next, 'a').map((c) => c.text)).toEqual(['Yksi', 'Muokattu', 'Kolme']);
    expect(cardsOf(next, 'a')[0]).toBe(cardsOf(view, 'a')[0]);
    expect(cardsOf(next, 'a')[2]).toBe(cardsOf(view, 'a')[2]);
    expect(next.boards[1]).toBe(view.boards[1]);
    expect(next.boards[2]).toBe(view.boards[2]);
    expect(next.meta).toBe(view.meta);
    expect(next.control).toBe(view.control);
  });

  it('puts an added card in its place by order, then id, as the core sorts', () => {
    const ordered = applyChange(view, change({ boards: [{ id: 'a', whole: null, items: [{ collection: 'cards', id: 'c0', item: card('c0', 'Alku', -1) }] }] }));
    expect(cardsOf(ordered, 'a').map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3']);
    const byId = applyChange(view, change({ boards: [{ id: 'a', whole: null, items: [{ collection: 'cards', id: 'c25', item: card('c25', 'Väli') }] }] }));
    expect(cardsOf(byId, 'a').map((c) => c.id)).toEqual(['c1', 'c2', 'c25', 'c3']);
  });

  it('moves a card whose order changed', () => {
    const next = applyChange(view, change({ boards: [{ id: 'a', whole: null, items: [{ collection: 'cards', id: 'c1', item: card('c1', 'Yksi', 5) }] }] }));
    expect(cardsOf(next, 'a').map((c) => c.id)).toEqual(['c2', 'c3', 'c1']);
  });

  it('takes away a removed card and a removed board', () => {
    const next = applyChange(view, change({ boards: [{ id: 'a', whole: null, items: [{ collection: 'cards', id: 'c1', item: null }] }], removed_boards: ['b'] }));
    expect(cardsOf(next, 'a').map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(next.boards.map((b) => b.id)).toEqual(['a', 'c']);
    expect(next.boards[1]).toBe(view.boards[2]);
  });

  it('replaces a board sent whole, adds a new one, and keeps the boards in order', () => {
    const next = applyChange(view, change({ boards: [{ id: 'c', whole: board('c', 0), items: [] }, { id: 'd', whole: board('d', 2), items: [] }] }));
    expect(next.boards.map((b) => b.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(next.boards[1]).toBe(view.boards[0]);
    expect(next.boards[2]).toBe(view.boards[1]);
  });

  it('ignores item changes for a board it does not have', () => {
    const next = applyChange(view, change({ boards: [{ id: 'x', whole: null, items: [{ collection: 'cards', id: 'c1', item: card('c1', 'Muualla') }] }] }));
    expect(next).toBe(view);
  });

  it('replaces meta, sessions, comments and control only when they are sent', () => {
    const meta = { ...view.meta, title: 'Uusi nimi' };
    const next = applyChange(view, change({ meta }));
    expect(next.meta.title).toBe('Uusi nimi');
    expect(next.boards).toBe(view.boards);
    expect(next.sessions).toBe(view.sessions);
    expect(next.comments).toBe(view.comments);
  });

  it('takes a complete change as the whole view: boards it does not name are gone', () => {
    const next = applyChange(
      view,
      change({ complete: true, meta: view.meta, sessions: [], comments: [], control: view.control, boards: [{ id: 'b', whole: board('b', 2), items: [] }] }),
    );
    expect(next.boards.map((b) => b.id)).toEqual(['b']);
    expect(next.sessions).toEqual([]);
  });

  it('needs a view before a partial change, but not before a complete one', () => {
    expect(() => applyChange(null, change({}))).toThrow();
    const first = applyChange(null, change({ complete: true, meta: view.meta, sessions: [], comments: [], control: view.control, boards: [] }));
    expect(first.boards).toEqual([]);
  });
});

describe('a board sent whole', () => {
  it('keeps each item that did not change the same object, and the board itself when nothing changed', () => {
    const again = structuredClone(view.boards[0]);
    expect(applyChange(view, change({ boards: [{ id: 'a', whole: again, items: [] }] }))).toBe(view);
    const edited = structuredClone(view.boards[0]) as unknown as { cards: { text: string }[] };
    edited.cards[1].text = 'Toinen';
    const next = applyChange(view, change({ boards: [{ id: 'a', whole: edited as unknown as Board, items: [] }] }));
    expect(cardsOf(next, 'a').map((c) => c.text)).toEqual(['Yksi', 'Toinen', 'Kolme']);
    expect(cardsOf(next, 'a')[0]).toBe(cardsOf(view, 'a')[0]);
    expect(cardsOf(next, 'a')[1]).not.toBe(cardsOf(view, 'a')[1]);
    expect(next.boards[1]).toBe(view.boards[1]);
  });

  it('after a reconnect, a complete change equal to the view keeps every board', () => {
    const whole = structuredClone(view);
    const next = applyChange(
      view,
      change({ complete: true, meta: whole.meta, sessions: whole.sessions, comments: whole.comments, control: whole.control, boards: whole.boards.map((b) => ({ id: b.id, whole: b, items: [] })) }),
    );
    expect(next).toBe(view);
  });
});
