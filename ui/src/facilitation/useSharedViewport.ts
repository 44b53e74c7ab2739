// For every React Flow board: report where this person's view settles (so the
// facilitator can bring everyone there) and move to the facilitator's view while
// Follow is on, and centre the spotlighted card when it is on this board. Call it
// inside the board's ReactFlowProvider.
import { useOnViewportChange, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useSession } from './context';

export function useSharedViewport(): void {
  const flow = useReactFlow();
  const { viewport, follow, spotlight } = useSession();
  useOnViewportChange({ onEnd: (v) => (viewport.current = { x: v.x, y: v.y, zoom: v.zoom }) });
  const x = follow?.x;
  const y = follow?.y;
  const zoom = follow?.zoom;
  useEffect(() => {
    if (x === undefined || y === undefined || zoom === undefined) return;
    void flow.setViewport({ x, y, zoom }, { duration: 200 });
    // A board that just opened fits itself to its cards once they are measured: follow after that too.
    const again = setTimeout(() => void flow.setViewport({ x, y, zoom }), 400);
    return () => clearTimeout(again);
  }, [flow, x, y, zoom]);
  useEffect(() => {
    if (!spotlight || !flow.getNode(spotlight)) return;
    void flow.fitView({ nodes: [{ id: spotlight }], maxZoom: 1.2, duration: 300 });
  }, [flow, spotlight]);
}
