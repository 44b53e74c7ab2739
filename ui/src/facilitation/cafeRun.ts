// Where I am in a running learning café: my group's station this round, or the
// station I host (hosts stay). Pure; the rotation itself is the core's.
import { boardOf } from '../boards/kinds';
import { sortedGroups, sortedStations, stationFor, type Cafe } from '../boards/cafe/rotation';
import type { CafeGroup, Person, Station, WorkshopView } from '../types';

export type CafePlace =
  | { kind: 'host'; cafe: Cafe; round: number; station: Station }
  | { kind: 'visit'; cafe: Cafe; round: number; station: Station; group: CafeGroup }
  | { kind: 'waiting'; cafe: Cafe; round: number }
  | { kind: 'over'; cafe: Cafe; round: number };

/** The café the facilitator runs and my place in it; null when no café runs.
 * `coreStation` is the station my core worked out for me, when it says one. */
export function myCafePlace(view: WorkshopView, person: Person | null, coreStation: string | null = null): CafePlace | null {
  const run = view.control.cafe;
  const board = run && view.boards.find((b) => b.id === run.board);
  const cafe = board ? boardOf(board, 'cafe') : null;
  if (!run || !cafe) return null;
  const round = run.round;
  if (round < 1) return { kind: 'waiting', cafe, round };
  if (round > cafe.rotation.length) return { kind: 'over', cafe, round };
  const hosted = person?.name.trim() && sortedStations(cafe).find((s) => s.host.trim() === person.name.trim());
  if (hosted) return { kind: 'host', cafe, round, station: hosted };
  const group = sortedGroups(cafe).find((g) => g.id === person?.cafe_group);
  const station = cafe.stations.find((s) => s.id === coreStation) ?? (group ? stationFor(cafe, group.id, round) : null);
  return group && station ? { kind: 'visit', cafe, round, station, group } : { kind: 'waiting', cafe, round };
}
