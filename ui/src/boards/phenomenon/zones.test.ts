import { describe, expect, it } from 'vitest';
import type { Entry, Zone } from '../../types';
import { allZones, entriesByZone, lastInZone, mapZones, swotZones, type Phenomenon } from './zones';

const entry = (id: string, zone: Zone, order: number): Entry => ({ id, zone, text: `Merkintä ${id} – äö`, sources: [], order });
const board = (entries: Entry[]): Phenomenon => ({
  id: 'p',
  title: 'Ilmiökartta',
  session_id: null,
  archived: false,
  order: 0,
  kind: 'phenomenon',
  phenomenon: 'Yksin asioimisen vaikeus',
  entries,
});

describe('phenomenon map zones', () => {
  it('has five map zones and four SWOT fields, each once', () => {
    expect(mapZones).toHaveLength(5);
    expect(swotZones).toEqual(['strengths', 'weaknesses', 'opportunities', 'threats']);
    expect(new Set(allZones).size, 'no zone is listed twice').toBe(9);
  });

  it('groups entries by zone, each zone in its own order', () => {
    const zones = entriesByZone(board([entry('a', 'threats', 2), entry('b', 'causes', 1), entry('c', 'threats', 1)]));
    expect(zones.get('threats')?.map((e) => e.id), 'lower order first').toEqual(['c', 'a']);
    expect(zones.get('causes')?.map((e) => e.id)).toEqual(['b']);
    expect(zones.get('gaps'), 'an empty zone is still there, to add to').toEqual([]);
    expect([...zones.keys()], 'zones come in the listed order').toEqual([...allZones]);
  });

  it('puts an entry moved or added to a zone after the ones already there', () => {
    const b = board([entry('a', 'people', 4), entry('b', 'people', 7), entry('c', 'gaps', 20)]);
    expect(lastInZone(b, 'people')).toBe(8);
    expect(lastInZone(b, 'effects'), 'an empty zone starts at 1').toBe(1);
  });
});
