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
  private made = new WeakMap<I, { key: string | number; node: N }>();

  node(item: I, key: string | number, make: () => N): N {
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
  // The lists mostly keep their order: look at the same place first, by id only when it moved.
  const was = byPlace(before);
  const held = byPlace(live);
  return next.map((n, i) => {
    const now = held(i, n.id);
    if (!now) return n;
    if (was(i, n.id) === n) return now;
    return now.measured ? { ...n, measured: now.measured } : n;
  });
}

function byPlace<N extends Node>(nodes: readonly N[]): (i: number, id: string) => N | undefined {
  let byId: Map<string, N> | null = null;
  return (i, id) => (nodes[i]?.id === id ? nodes[i] : (byId ??= new Map(nodes.map((n) => [n.id, n]))).get(id));
}
