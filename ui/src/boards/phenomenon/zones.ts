// The phenomenon map's zones: five around the phenomenon and the four SWOT fields,
// and each zone's entries in order. Pure.
import type { Entry, Zone } from '../../types';
import type { BoardOf } from '../kinds';

export type Phenomenon = BoardOf<'phenomenon'>;

/** The map's zones, in the order a screen reader hears them. */
export const mapZones: readonly Zone[] = ['causes', 'effects', 'people', 'signals', 'gaps'];
/** The SWOT fields, row by row: strengths, weaknesses, then opportunities, threats. */
export const swotZones: readonly Zone[] = ['strengths', 'weaknesses', 'opportunities', 'threats'];
export const allZones: readonly Zone[] = [...mapZones, ...swotZones];

/** Every zone with its entries by `order`; a zone with none has an empty list. */
export function entriesByZone(board: Phenomenon): Map<Zone, Entry[]> {
  const zones = new Map<Zone, Entry[]>(allZones.map((z) => [z, []]));
  for (const e of board.entries) zones.get(e.zone)?.push(e);
  for (const list of zones.values()) list.sort((a, b) => a.order - b.order);
  return zones;
}

/** The `order` that puts an entry last in `zone`. */
export function lastInZone(board: Phenomenon, zone: Zone): number {
  return board.entries.filter((e) => e.zone === zone).reduce((max, e) => Math.max(max, e.order), 0) + 1;
}
