import { describe, expect, it } from 'vitest';
import type { Comment, RoundChanges } from '../../types';
import { changesAfter, elementsOf, isEmpty, moveCommand, nextRoundNumber, openRound, partsOf, roundComments, roundsOf, type Model } from './model';

const el = (id: string, kind: 'principle' | 'way_of_working' | 'phase', order: number) => ({ id, kind, text: id, note: '', sources: [], order });
const part = (id: string, phase_id: string, kind: 'actor' | 'indicator', order: number) => ({
  id, phase_id, kind, text: id, how_measured: '', when_measured: '', sources: [], order,
});

const model = {
  id: 'm', title: 'Toimintamalli', kind: 'operating_model', session_id: null, archived: false, order: 1,
  purpose: '', target_group: '', how_to_join: '', service_promise: '', model_value: '',
  elements: [el('vaihe-2', 'phase', 2), el('periaate', 'principle', 1), el('vaihe-1', 'phase', 1), el('tapa', 'way_of_working', 5)],
  parts: [part('mittari', 'vaihe-1', 'indicator', 1), part('toimija-2', 'vaihe-1', 'actor', 2), part('toimija-1', 'vaihe-1', 'actor', 1), part('muu', 'vaihe-2', 'actor', 0)],
  interfaces: [],
  rounds: [
    { id: 'r2', number: 2, open: true, version: '', order: 2 },
    { id: 'r1', number: 1, open: false, version: 'Toimintamalli – kierros 1', order: 1 },
  ],
} as Model;

describe('the model’s lists', () => {
  it('keeps each kind of element apart, in its own order', () => {
    expect(elementsOf(model, 'phase').map((e) => e.id)).toEqual(['vaihe-1', 'vaihe-2']);
    expect(elementsOf(model, 'principle').map((e) => e.id)).toEqual(['periaate']);
  });

  it('gives a phase its parts of one kind, in order', () => {
    expect(partsOf(model, 'vaihe-1', 'actor').map((p) => p.id)).toEqual(['toimija-1', 'toimija-2']);
    expect(partsOf(model, 'vaihe-1', 'indicator').map((p) => p.id)).toEqual(['mittari']);
    expect(partsOf(model, 'vaihe-2', 'indicator')).toEqual([]);
  });

  it('moves a row by giving it an order between its new neighbours; not past either end', () => {
    const phases = elementsOf(model, 'phase');
    expect(moveCommand('m', 'ModelElement', phases, 1, -1)).toEqual({
      cmd: 'patch_item', board: 'm', item_type: 'ModelElement', id: 'vaihe-2', patch: { order: 0 },
    });
    expect(moveCommand('m', 'ModelElement', phases, 0, -1)).toBeNull();
    expect(moveCommand('m', 'ModelElement', phases, 1, 1)).toBeNull();
  });
});

describe('reflection rounds', () => {
  const comment = (id: string, round: number, created_at: string, board_id = 'm'): Comment => ({
    id, board_id, target_id: '', text: id, author: 'Nimi', created_at, reply_to: '', resolved: false, round,
  });

  it('lists rounds by number and knows the open one and the next number', () => {
    expect(roundsOf(model).map((r) => r.number)).toEqual([1, 2]);
    expect(openRound(model)?.number).toBe(2);
    expect(nextRoundNumber(model)).toBe(3);
  });

  it('gathers a round’s comments on this board, oldest first', () => {
    const comments = [comment('myöhempi', 1, '2026-02-02'), comment('muu', 2, '2026-02-01'), comment('aiempi', 1, '2026-02-01'), comment('toinen taulu', 1, '2026-02-01', 'x')];
    expect(roundComments(comments, 'm', 1).map((c) => c.text)).toEqual(['aiempi', 'myöhempi']);
  });

  it('shows what changed after a round, without comments and rounds', () => {
    const change = (id: string, item_type: string) => ({ id, item_type, label: id, fields: [] });
    const all: RoundChanges[] = [
      {
        board_id: 'm', number: 1,
        diff: {
          board_id: 'm', title: 'T', kind: 'operating_model', change: 'changed',
          added: [change('Uusi vaihe', 'ModelElement'), change('k', 'Comment')], removed: [change('r', 'Round')], changed: [change('Palvelulupaus', 'Board')],
        },
      },
      { board_id: 'm', number: 2, diff: null },
    ] as RoundChanges[];
    const after1 = changesAfter(all, 'm', 1)!;
    expect(after1.added.map((c) => c.label)).toEqual(['Uusi vaihe']);
    expect(after1.removed).toEqual([]);
    expect(after1.changed.map((c) => c.item_type)).toEqual(['Board']);
    expect(isEmpty(changesAfter(all, 'm', 2)!)).toBe(true);
    expect(changesAfter(all, 'm', 3)).toBeNull();
  });
});
