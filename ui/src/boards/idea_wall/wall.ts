// Idea wall projection → columns by cluster, vote counts and the ranking to show.
// Pure; the ranking itself is the core's.
import type { Cluster, Idea } from '../../types';
import type { BoardOf } from '../kinds';

export type IdeaWall = BoardOf<'idea_wall'>;

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id);

export type Column = { cluster: Cluster | null; ideas: Idea[] };

/** The ungrouped ideas first, then one column per cluster in its order. An idea
 * whose cluster is gone counts as ungrouped, so no card is ever hidden. */
export function clusterColumns(wall: IdeaWall): Column[] {
  const clusters = [...wall.clusters].sort(byOrder);
  const known = new Set(clusters.map((c) => c.id));
  const ideas = [...wall.ideas].sort(byOrder);
  const loose = ideas.filter((i) => !i.cluster_id || !known.has(i.cluster_id));
  return [
    { cluster: null, ideas: loose },
    ...clusters.map((cluster) => ({ cluster, ideas: ideas.filter((i) => i.cluster_id === cluster.id) })),
  ];
}

export function voteCounts(wall: IdeaWall): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of wall.votes) counts.set(v.idea_id, (counts.get(v.idea_id) ?? 0) + 1);
  return counts;
}

/** A vote on the idea to take back: the voter's own if they have one, else any. */
export function voteToRemove(wall: IdeaWall, ideaId: string, voter: string | null): string | null {
  const on = wall.votes.filter((v) => v.idea_id === ideaId);
  return (on.find((v) => v.voter === voter) ?? on[0])?.id ?? null;
}

export type RankRow = { place: number; idea: Idea; votes: number };

/** The core's ranking with places; ideas with the same votes share a place (1, 1, 3). */
export function rankingRows(wall: IdeaWall): RankRow[] {
  const ideas = new Map(wall.ideas.map((i) => [i.id, i]));
  const rows: RankRow[] = [];
  wall.ranking.forEach((r, i) => {
    const idea = ideas.get(r.idea_id);
    if (!idea) return;
    const prev = rows[rows.length - 1];
    const place = prev && prev.votes === r.votes ? prev.place : i + 1;
    rows.push({ place, idea, votes: r.votes });
  });
  return rows;
}

export { nextOrder } from '../order';
