import { describe, expect, it } from 'vitest';
import { pathBoard, personaBoard } from '../boards/test-boards.test-data';
import type { Board, Source, Trace, WorkshopView } from '../types';
import { boardTitle, freshSource, groupedChoices, itemLabel, sourceBoards, sourceChoices, usedBy } from './sources';

const causal = {
  id: 'b-causal', title: 'Syyt', kind: 'causal_map', session_id: null, archived: false, order: 3,
  nodes: [{ id: 'n1', text: 'Yksinäisyys', role: 'cause', pos: { x: 0, y: 0 } }, { id: 'n2', text: '  ', role: 'cause', pos: { x: 0, y: 0 } }],
  links: [{ id: 'l1', from: 'n1', to: 'n2', polarity: 'plus', note: 'Vahvistaa' }],
} as unknown as Board;
const archived = { ...personaBoard, id: 'b-old', title: 'Vanha', archived: true } as Board;
const view = { boards: [causal, { ...pathBoard, order: 2 }, personaBoard, archived] } as unknown as WorkshopView;

describe('source choices', () => {
  it('names an item by name, title, term, text or question, in that order', () => {
    expect(itemLabel({ id: 'x', name: '', text: 'Äänestys', question: 'Q' })).toBe('Äänestys');
    expect(itemLabel({ id: 'x', term: 'Ösaurus', text: 'T' })).toBe('Ösaurus');
    expect(itemLabel({ id: 'x', value: 3 })).toBe('');
  });

  it('lists a persona board by name in the personas’ own order', () => {
    expect(sourceChoices(personaBoard).map((c) => c.label)).toEqual(['Åsa', 'Äijä Öljynen']);
  });

  it('lists phases, cards and endpoints of a path, but not its lanes', () => {
    const choices = sourceChoices(pathBoard);
    expect(new Set(choices.map((c) => c.itemType))).toEqual(new Set(['Phase', 'PathCard', 'Endpoint']));
    expect(choices.filter((c) => c.itemType === 'Phase').map((c) => c.label)).toEqual(['Alku', 'Väliarviointi', 'Loppu']);
  });

  it('leaves out links, unnamed items and the item itself', () => {
    expect(sourceChoices(causal).map((c) => c.id)).toEqual(['n1']);
    expect(sourceChoices(personaBoard, 'p2').map((c) => c.id)).toEqual(['p1']);
  });

  it('offers the boards with something to point at, archived ones left out, in board order', () => {
    expect(sourceBoards(view).map((b) => b.id)).toEqual(['b-persona', 'b-path', 'b-causal']);
  });

  it('groups choices by item type for the item picker', () => {
    const groups = groupedChoices(sourceChoices(pathBoard));
    expect(groups.map((g) => g.itemType)).toEqual(['Phase', 'PathCard', 'Endpoint']);
    expect(groups[1].choices.map((c) => c.label)).toEqual(['Ensikäynti', 'Jono', 'Työ']);
  });
});

describe('links both ways', () => {
  const source: Source = { board_id: 'b-persona', item_id: 'p1', label: 'Persoona: Äijä, 54', broken: false };
  const traces: Trace[] = [
    { board_id: 'm', item_id: 'e1', item_label: 'Asiakas on asiantuntija', source: { ...source, label: 'Persoona: Äijä Öljynen, 54' } },
    { board_id: 'q', item_id: 'c1', item_label: 'Kriteeri', source: { ...source, item_id: 'p2' } },
  ];

  it('finds where an item was used as a source', () => {
    expect(usedBy(traces, 'b-persona', 'p1').map((t) => t.item_label)).toEqual(['Asiakas on asiantuntija']);
    expect(usedBy(traces, 'b-path', 'p1')).toEqual([]);
  });

  it('reads a source’s fresh label, but keeps a broken one as it is', () => {
    expect(freshSource(traces, 'm', 'e1', source).label).toBe('Persoona: Äijä Öljynen, 54');
    const broken: Source = { board_id: '', item_id: '', label: 'Persoona: Sanna, 34', broken: true };
    expect(freshSource(traces, 'm', 'e1', broken)).toEqual(broken);
    expect(freshSource([], 'm', 'e1', source)).toEqual(source);
  });

  it('names a board by its title, or nothing when it is gone', () => {
    expect(boardTitle(view, 'b-path')).toBe('Polku');
    expect(boardTitle(view, '')).toBe('');
  });
});
