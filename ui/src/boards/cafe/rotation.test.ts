import { describe, expect, it } from 'vitest';
import { harvest, notesAt, rotationRows, sortedGroups, stationFor, type Cafe } from './rotation';

function cafe(): Cafe {
  return {
    id: 'c',
    title: 'Kahvila',
    session_id: null,
    archived: false,
    order: 0,
    kind: 'cafe',
    round_minutes: 15,
    stations: [
      { id: 's2', question: 'Mikä auttaa?', host: 'Äänekoski', summary: '', order: 2 },
      { id: 's1', question: 'Mikä on vaikeaa?', host: 'Ville', summary: '', order: 1 },
    ],
    groups: [
      { id: 'gB', name: 'Sininen', order: 2 },
      { id: 'gA', name: 'Punainen', order: 1 },
    ],
    notes: [
      { id: 'n3', station_id: 's1', group_id: 'gB', round: 2, text: 'Jonot', theme: '' },
      { id: 'n1', station_id: 's1', group_id: 'gA', round: 1, text: 'Yksin jääminen', theme: '' },
      { id: 'n2', station_id: 's2', group_id: 'gB', round: 1, text: 'Vertaistuki', theme: '' },
    ],
    rotation: [
      ['s1', 's2'],
      ['s2', 's1'],
    ],
  };
}

describe('learning café rotation', () => {
  it('orders groups by their order, the order the core indexes the rotation by', () => {
    expect(sortedGroups(cafe()).map((g) => g.name)).toEqual(['Punainen', 'Sininen']);
  });

  it('builds one row per round with each group at the station the core gave it', () => {
    const rows = rotationRows(cafe());
    expect(rows.map((r) => r.round)).toEqual([1, 2]);
    expect(rows[0].cells.map((c) => [c.group.name, c.station?.question])).toEqual([
      ['Punainen', 'Mikä on vaikeaa?'],
      ['Sininen', 'Mikä auttaa?'],
    ]);
    expect(rows[1].cells.map((c) => c.station?.id), 'round 2: each group one station on').toEqual(['s2', 's1']);
  });

  it('finds a group station by round and nothing outside the rounds', () => {
    expect(stationFor(cafe(), 'gB', 2)?.id).toBe('s1');
    expect(stationFor(cafe(), 'gB', 3)).toBeNull();
    expect(stationFor(cafe(), 'nobody', 1)).toBeNull();
  });

  it('shows a group its own notes and the notes earlier groups left at the station', () => {
    const { own, earlier } = notesAt(cafe(), 's1', 'gB', 2);
    expect(own.map((n) => n.text)).toEqual(['Jonot']);
    expect(earlier.map((n) => n.text), 'round 1 at s1 was the red group').toEqual(['Yksin jääminen']);
  });

  it('harvests each station by round, keeping å ä ö', () => {
    const h = harvest(cafe());
    expect(h.map((s) => s.station.id), 'stations in their order').toEqual(['s1', 's2']);
    expect(h[0].rounds.map((r) => [r.round, r.notes.map((n) => `${n.group}: ${n.note.text}`)])).toEqual([
      [1, ['Punainen: Yksin jääminen']],
      [2, ['Sininen: Jonot']],
    ]);
    expect(h[1].station.host).toBe('Äänekoski');
  });
});
