// Learning café projection → what the views show: the rotation table, a group's
// station in a round, and the harvest. Pure; the rotation itself is the core's.
import type { CafeGroup, CafeNote, Station } from '../../types';
import type { BoardOf } from '../kinds';

export type Cafe = BoardOf<'cafe'>;

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id);

export function sortedStations(cafe: Cafe): Station[] {
  return [...cafe.stations].sort(byOrder);
}

export function sortedGroups(cafe: Cafe): CafeGroup[] {
  return [...cafe.groups].sort(byOrder);
}

export type RotationRow = { round: number; cells: { group: CafeGroup; station: Station | null }[] };

/** One row per round, one cell per group: where that group is in that round. */
export function rotationRows(cafe: Cafe): RotationRow[] {
  const groups = sortedGroups(cafe);
  const stations = new Map(cafe.stations.map((s) => [s.id, s]));
  return cafe.rotation.map((row, i) => ({
    round: i + 1,
    cells: groups.map((group, g) => ({ group, station: stations.get(row[g] ?? '') ?? null })),
  }));
}

/** The station a group visits in a round (1-based), from the core's rotation. */
export function stationFor(cafe: Cafe, groupId: string, round: number): Station | null {
  const g = sortedGroups(cafe).findIndex((x) => x.id === groupId);
  const id = g < 0 ? undefined : cafe.rotation[round - 1]?.[g];
  return cafe.stations.find((s) => s.id === id) ?? null;
}

export function roundCount(cafe: Cafe): number {
  return cafe.rotation.length;
}

/** The notes at a station, split into those of this group and round and the earlier ones. */
export function notesAt(cafe: Cafe, stationId: string, groupId: string, round: number) {
  const here = cafe.notes.filter((n) => n.station_id === stationId);
  return {
    own: here.filter((n) => n.group_id === groupId && n.round === round),
    earlier: here.filter((n) => n.round < round).sort((a, b) => a.round - b.round),
  };
}

export type HarvestStation = {
  station: Station;
  rounds: { round: number; notes: { note: CafeNote; group: string }[] }[];
};

/** Each station's notes, round by round, groups in their order, for the harvest. */
export function harvest(cafe: Cafe): HarvestStation[] {
  const groups = sortedGroups(cafe);
  const groupIndex = (id: string) => {
    const i = groups.findIndex((g) => g.id === id);
    return i < 0 ? groups.length : i;
  };
  return sortedStations(cafe).map((station) => {
    const notes = cafe.notes
      .filter((n) => n.station_id === station.id)
      .sort((a, b) => a.round - b.round || groupIndex(a.group_id) - groupIndex(b.group_id) || a.id.localeCompare(b.id));
    const rounds: HarvestStation['rounds'] = [];
    for (const note of notes) {
      let last = rounds[rounds.length - 1];
      if (!last || last.round !== note.round) rounds.push((last = { round: note.round, notes: [] }));
      last.notes.push({ note, group: groups[groupIndex(note.group_id)]?.name ?? '' });
    }
    return { station, rounds };
  });
}
