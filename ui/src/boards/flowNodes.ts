// React Flow nodes that stay the same object while their item does. The backend
// keeps every unchanged item the same object when a change arrives, so a node made
// once per item (and per selection and search state) is made again only for the
// items that changed, and React Flow redraws only those.
import { applyNodeChanges, type Node, type NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';

/** Above this many nodes a canvas draws only those in view: a whole board fits the
 * view below it, so every card stays reachable by keyboard there. */
export const DRAW_VISIBLE_ONLY_FROM = 500;

/** Nodes by item object; `key` holds what else the node shows (selected, matched). */
export class NodeCache<I extends object, N> {
  private made = new WeakMap<I, { key: string; node: N }>();

  node(item: I, key: string, make: () => N): N {
    const hit = this.made.get(item);
    if (hit && hit.key === key) return hit.node;
    const node = make();
    this.made.set(item, { key, node });
    return node;
  }
}

/**
 * The nodes React Flow holds: the projection's, except that a node whose projection
 * did not change keeps what React Flow made of it (its size, a drag under way), and a
 * changed one keeps its size until it is measured again. Worked out while rendering,
 * so a change reaches the screen in the same frame.
 */
export function useFlowNodes<N extends Node>(projected: N[]): [N[], (changes: NodeChange<N>[]) => void] {
  const [state, setState] = useState(() => ({ projected, nodes: projected }));
  let current = state;
  if (state.projected !== projected) {
    current = { projected, nodes: reconcile(projected, state.projected, state.nodes) };
    setState(current);
  }
  const onChange = useCallback(
    (changes: NodeChange<N>[]) => setState((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) })),
    [],
  );
  return [current.nodes, onChange];
}

export function reconcile<N extends Node>(next: readonly N[], before: readonly N[], live: readonly N[]): N[] {
  const was = new Map(before.map((n) => [n.id, n]));
  const held = new Map(live.map((n) => [n.id, n]));
  return next.map((n) => {
    const now = held.get(n.id);
    if (!now) return n;
    if (was.get(n.id) === n) return now;
    return now.measured ? { ...n, measured: now.measured } : n;
  });
}
