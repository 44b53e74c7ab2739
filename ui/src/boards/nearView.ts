// On a board of many cards, React Flow gets only the cards near the view, so a remote
// edit costs it a few hundred nodes instead of every card. The region is the view
// grown by one view on each side; it moves when the view comes within half a view of
// its edge, so panning never shows an empty place. Below DRAW_VISIBLE_ONLY_FROM every
// card is given, and every card stays reachable by keyboard.
import { useStore, type Node, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';

export type Rect = { left: number; top: number; right: number; bottom: number };

/** The view in the board's coordinates, or null before the canvas has a size. */
export function viewOf(s: Pick<ReactFlowState, 'width' | 'height' | 'transform'>): Rect | null {
  const [x, y, zoom] = s.transform;
  if (!s.width || !s.height || !zoom) return null;
  return { left: -x / zoom, top: -y / zoom, right: (s.width - x) / zoom, bottom: (s.height - y) / zoom };
}

/** `view` grown by `times` its own size on each side. */
export function grown(view: Rect, times: number): Rect {
  const w = (view.right - view.left) * times;
  const h = (view.bottom - view.top) * times;
  return { left: view.left - w, top: view.top - h, right: view.right + w, bottom: view.bottom + h };
}

/** Whether `inner` lies wholly inside `outer`. */
export function inside(inner: Rect, outer: Rect): boolean {
  return inner.left >= outer.left && inner.top >= outer.top && inner.right <= outer.right && inner.bottom <= outer.bottom;
}

/** Whether a node at `pos` (its top left corner; a card is at most `SIZE` wide and high) shows in `region`. */
export function near(pos: { x: number; y: number }, region: Rect): boolean {
  return pos.x + SIZE >= region.left && pos.y + SIZE >= region.top && pos.x <= region.right && pos.y <= region.bottom;
}

const SIZE = 400;

/** The nodes near the view when `on`; all of them otherwise, and until the canvas has a size. */
export function useNodesNearView<N extends Node>(nodes: N[], on: boolean): N[] {
  const [region, setRegion] = useState<Rect | null>(null);
  // A boolean, so the canvas renders again only when the view leaves the region's middle.
  const view = useStore((s) => {
    const now = on ? viewOf(s) : null;
    return now !== null && (region === null || !inside(now, grown(region, -1 / 6))) ? now : null;
  }, (a, b) => (a === null) === (b === null));
  useEffect(() => {
    if (view) setRegion(grown(view, 1));
  }, [view]);
  return useMemo(() => (on && region ? nodes.filter((n) => near(n.position, region)) : nodes), [nodes, on, region]);
}
