// Causal map projection → xyflow nodes and edges. Pure: no React, so it is
// tested on its own. Root causes and loops come from the core; this only marks them.
import type { Edge, Node } from '@xyflow/react';
import type { CausalLink, CausalNode, LoopKind, Polarity, Pos } from '../../types';
import { NodeCache } from '../flowNodes';
import type { BoardOf } from '../kinds';

export type CausalMap = BoardOf<'causal_map'>;

export type CausalNodeData = {
  text: string;
  role: CausalNode['role'];
  central: boolean;
  root: boolean;
  /** The kind of the first loop the node is in, if any. */
  loop: LoopKind | null;
  /** Matches the board search. */
  match: boolean;
};

export type CausalLinkData = {
  polarity: Polarity;
  note: string;
  loop: LoopKind | null;
};

export type CausalFlowNode = Node<CausalNodeData, 'causal'>;
export type CausalFlowEdge = Edge<CausalLinkData, 'polarity'>;

/** Card size on the canvas; the why-chain steps by this much. */
export const NODE_WIDTH = 200;
export const NODE_GAP = 80;

/** For each node id, the kind of the first loop it is in. */
function loopOfNodes(map: CausalMap): Map<string, LoopKind> {
  const out = new Map<string, LoopKind>();
  for (const loop of map.loops) for (const id of loop.nodes) if (!out.has(id)) out.set(id, loop.kind);
  return out;
}

/** For each "from→to" pair that closes a loop step, the loop's kind. */
function loopOfLinks(map: CausalMap): Map<string, LoopKind> {
  const out = new Map<string, LoopKind>();
  for (const loop of map.loops) {
    loop.nodes.forEach((from, i) => {
      const to = loop.nodes[(i + 1) % loop.nodes.length];
      const key = `${from}→${to}`;
      if (!out.has(key)) out.set(key, loop.kind);
    });
  }
  return out;
}

/** One node per cause; `cache` gives an unchanged cause, marked the same, the node it had. */
export function toFlowNodes(
  map: CausalMap,
  selected: string | null = null,
  matches: ReadonlySet<string> = new Set(),
  cache: NodeCache<CausalNode, CausalFlowNode> = new NodeCache(),
): CausalFlowNode[] {
  const roots = new Set(map.root_causes);
  const loops = loopOfNodes(map);
  return map.nodes.map((n) => {
    const marks = {
      selected: n.id === selected,
      central: n.id === map.central_problem,
      root: roots.has(n.id),
      loop: loops.get(n.id) ?? null,
      match: matches.has(n.id),
    };
    return cache.node(n, JSON.stringify(marks), () => ({
      id: n.id,
      type: 'causal',
      position: { x: n.pos.x, y: n.pos.y },
      selected: marks.selected,
      data: { text: n.text, role: n.role, central: marks.central, root: marks.root, loop: marks.loop, match: marks.match },
    }));
  });
}

export function toFlowEdges(map: CausalMap, selected: string | null = null): CausalFlowEdge[] {
  const loops = loopOfLinks(map);
  return map.links.map((l) => ({
    id: l.id,
    type: 'polarity',
    source: l.from,
    target: l.to,
    selected: l.id === selected,
    data: { polarity: l.polarity, note: l.note, loop: loops.get(`${l.from}→${l.to}`) ?? null },
  }));
}

export function flipPolarity(p: Polarity): Polarity {
  return p === 'strengthens' ? 'weakens' : 'strengthens';
}

/** The sign shown on a link: + strengthens, − (a real minus) weakens. */
export function polaritySign(p: Polarity): '+' | '−' {
  return p === 'strengthens' ? '+' : '−';
}

/** Where a new why-card for `effect` goes: one step left, at the first free row. */
export function whyPosition(map: CausalMap, effect: CausalNode): Pos {
  const x = effect.pos.x - NODE_WIDTH - NODE_GAP;
  const taken = (y: number) =>
    map.nodes.some((n) => Math.abs(n.pos.x - x) < NODE_WIDTH && Math.abs(n.pos.y - y) < NODE_GAP);
  for (let step = 0; step < 50; step++) {
    // 0, +1, −1, +2, −2 … rows away from the effect's own row.
    const offset = step === 0 ? 0 : (step % 2 === 1 ? 1 : -1) * Math.ceil(step / 2) * (NODE_GAP + 40);
    if (!taken(effect.pos.y + offset)) return { x, y: effect.pos.y + offset };
  }
  return { x, y: effect.pos.y };
}

/** A node's text for lists, with a stand-in for an empty card. */
export function nodeLabel(map: CausalMap, id: string, empty: string): string {
  const text = map.nodes.find((n) => n.id === id)?.text.trim();
  return text ? text : empty;
}

/** Whether a link from → to already exists (the keyboard form refuses duplicates). */
export function hasLink(links: readonly CausalLink[], from: string, to: string): boolean {
  return links.some((l) => l.from === from && l.to === to);
}
