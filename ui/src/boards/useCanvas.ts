// What every single-select canvas board shares: zoom to fit when the host asks,
// the facilitator's shared viewport, and the one selected node told to the host
// (which copies and pastes it).
import { useReactFlow } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useSharedViewport } from '../facilitation/useSharedViewport';
import { useBoardHost } from './host';

export const fitViewOptions = { maxZoom: 1 };

export function useCanvas() {
  const { matches, fitRequest, setSelected: hostSelect } = useBoardHost();
  const flow = useReactFlow();
  useSharedViewport();
  useEffect(() => {
    if (fitRequest > 0) void flow.fitView({ ...fitViewOptions, duration: 200 });
  }, [fitRequest, flow]);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => hostSelect(new Set(selected ? [selected] : [])), [selected, hostSelect]);
  return { matches, selected, setSelected };
}
