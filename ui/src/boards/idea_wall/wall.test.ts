import { describe, expect, it } from 'vitest';
import type { Idea } from '../../types';
import { clusterColumns, nextOrder, rankingRows, voteCounts, voteToRemove, type IdeaWall } from './wall';

const idea = (id: string, order: number, cluster_id: string | null = null): Idea => ({
  id,
  name: `Idea ${id}`,
  who: '',
  what: '',
  benefit: '',
  cluster_id,
  experiment: false,
  place: '',
  starts: '',
  ends: '',
  measure: '',
  status: 'planned',
  outcome: '',
  decision: null, sources: [],
  pos: { x: 0, y: 0 },
  order,
});

function wall(): IdeaWall {
  return {
    id: 'w',
    title: 'Ideat',
    session_id: null,
    archived: false,
    order: 0,
    kind: 'idea_wall',
    ideas: [idea('a', 2, 'k1'), idea('b', 1), idea('c', 3, 'gone'), idea('d', 4, 'k1')],
    clusters: [{ id: 'k1', name: 'Vertaistuki', order: 1 }],
    votes: [
      { id: 'v1', idea_id: 'a', voter: 'p1' },
      { id: 'v2', idea_id: 'a', voter: 'p2' },
      { id: 'v3', idea_id: 'd', voter: null },
      { id: 'v4', idea_id: 'b', voter: null },
    ],
    ranking: [
      { idea_id: 'a', votes: 2 },
      { idea_id: 'b', votes: 1 },
      { idea_id: 'd', votes: 1 },
      { idea_id: 'c', votes: 0 },
    ],
  };
}

describe('idea wall', () => {
  it('groups ideas into the ungrouped column and one column per cluster', () => {
    const cols = clusterColumns(wall());
    expect(cols.map((c) => c.cluster?.name ?? null)).toEqual([null, 'Vertaistuki']);
    expect(cols[0].ideas.map((i) => i.id), 'an idea whose cluster was removed must stay visible').toEqual(['b', 'c']);
    expect(cols[1].ideas.map((i) => i.id), 'in card order').toEqual(['a', 'd']);
  });

  it('counts votes per idea', () => {
    const counts = voteCounts(wall());
    expect(counts.get('a')).toBe(2);
    expect(counts.get('c') ?? 0).toBe(0);
  });

  it('takes back the voter own vote first', () => {
    expect(voteToRemove(wall(), 'a', 'p2')).toBe('v2');
    expect(voteToRemove(wall(), 'a', null), 'anonymous: any vote on the idea').toBe('v1');
    expect(voteToRemove(wall(), 'c', null)).toBeNull();
  });

  it('shows the core ranking with shared places for equal votes', () => {
    expect(rankingRows(wall()).map((r) => [r.place, r.idea.id, r.votes])).toEqual([
      [1, 'a', 2],
      [2, 'b', 1],
      [2, 'd', 1],
      [4, 'c', 0],
    ]);
  });

  it('places new items last', () => {
    expect(nextOrder(wall().ideas)).toBe(5);
    expect(nextOrder([])).toBe(1);
  });
});
