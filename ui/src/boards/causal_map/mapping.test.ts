import { describe, expect, it } from 'vitest';
import type { CausalNode } from '../../types';
import {
  flipPolarity,
  hasLink,
  nodeLabel,
  polaritySign,
  toFlowEdges,
  toFlowNodes,
  whyPosition,
  type CausalMap,
} from './mapping';

const node = (id: string, x: number, y: number, text = id): CausalNode => ({
  id,
  text,
  role: 'cause',
  pos: { x, y },
});

function map(): CausalMap {
  return {
    id: 'b',
    title: 'Kartta',
    session_id: null,
    archived: false,
    order: 0,
    kind: 'causal_map',
    central_problem: 'p',
    nodes: [node('p', 400, 0, 'Yksinäisyys'), node('a', 100, 0), node('b', 100, 200), node('c', 700, 0)],
    links: [
      { id: 'l1', from: 'a', to: 'p', polarity: 'strengthens', note: '' },
      { id: 'l2', from: 'p', to: 'c', polarity: 'weakens', note: '' },
      { id: 'l3', from: 'c', to: 'p', polarity: 'strengthens', note: '' },
    ],
    root_causes: ['a'],
    loops: [{ nodes: ['c', 'p'], kind: 'balancing' }],
  };
}

describe('causal map mapping', () => {
  it('marks the central problem, the root causes and loop members as the core computed them', () => {
    const nodes = toFlowNodes(map());
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n.data]));
    expect(byId.p.central, 'p is the board central_problem').toBe(true);
    expect(byId.a.root, 'a is listed in root_causes').toBe(true);
    expect(byId.b.root, 'b is not in root_causes, even though it has no cause').toBe(false);
    expect(byId.p.loop).toBe('balancing');
    expect(byId.a.loop, 'a is on no loop').toBeNull();
  });

  it('keeps positions and selection from the projection, and marks search matches', () => {
    const nodes = toFlowNodes(map(), 'b', new Set(['a']));
    expect(nodes.filter((n) => n.data.match).map((n) => n.id)).toEqual(['a']);
    expect(nodes.find((n) => n.id === 'b')).toMatchObject({ position: { x: 100, y: 200 }, selected: true, type: 'causal' });
  });

  it('turns links into directed edges cause → effect and marks only the steps of a loop', () => {
    const edges = toFlowEdges(map());
    expect(edges.map((e) => [e.source, e.target])).toEqual([
      ['a', 'p'],
      ['p', 'c'],
      ['c', 'p'],
    ]);
    expect(edges.map((e) => e.data?.loop)).toEqual([null, 'balancing', 'balancing']);
    expect(edges[1].data?.polarity).toBe('weakens');
  });

  it('flips polarity both ways and shows a real minus sign', () => {
    expect(flipPolarity('strengthens')).toBe('weakens');
    expect(flipPolarity('weakens')).toBe('strengthens');
    expect(polaritySign('weakens')).toBe('−');
    expect(polaritySign('strengthens')).toBe('+');
  });

  it('puts a why-card one step to the left of its effect, on a free row', () => {
    const m = map();
    const p = m.nodes[3];
    p.pos = { x: 1200, y: 0 };
    const first = whyPosition(m, p);
    expect(first.x, 'one card width and gap left of the effect').toBe(1200 - 200 - 80);
    expect(first.y).toBe(0);
    m.nodes.push(node('w', first.x, first.y));
    const second = whyPosition(m, p);
    expect(second.x).toBe(first.x);
    expect(second.y, 'the first row is taken, so the next one down').toBe(120);
    expect(whyPosition(m, m.nodes[0]).y, 'a card at x 100 overlaps the slot beside p, so the row moves').not.toBe(0);
  });

  it('labels empty cards and finds existing links', () => {
    const m = map();
    m.nodes[1].text = '  ';
    expect(nodeLabel(m, 'a', '(tyhjä)')).toBe('(tyhjä)');
    expect(nodeLabel(m, 'p', '(tyhjä)')).toBe('Yksinäisyys');
    expect(hasLink(m.links, 'a', 'p')).toBe(true);
    expect(hasLink(m.links, 'p', 'a')).toBe(false);
  });
});
