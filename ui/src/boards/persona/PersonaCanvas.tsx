import { Background, ReactFlow, ReactFlowProvider, useReactFlow, type NodeChange } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Board, Command, Outcome, Persona } from '../../types';
import { DRAW_VISIBLE_ONLY_FROM, NodeCache, useFlowNodes } from '../flowNodes';
import { useNodesNearView } from '../nearView';
import { useBoardHost } from '../host';
import { personaNodes, type PersonaNode as PersonaNodeType } from './fields';
import { PersonaNode } from './PersonaNode';
import { useSharedViewport } from '../../facilitation/useSharedViewport';

const nodeTypes = { persona: PersonaNode };

type Props = {
  board: Board;
  run: (cmd: Command) => Promise<Outcome>;
  onOpen: (id: string) => void;
};

function Canvas({ board, run, onOpen }: Props) {
  const { selected, setSelected, matches, fitRequest } = useBoardHost();
  const [cache] = useState(() => new NodeCache<Persona, PersonaNodeType>());
  const projected = useMemo(() => personaNodes(board, selected, matches, cache), [board, selected, matches, cache]);
  // React Flow moves nodes while dragging; a persona's change from the core wins.
  const [nodes, changeNodes] = useFlowNodes(projected);
  const shown = useNodesNearView(nodes, nodes.length >= DRAW_VISIBLE_ONLY_FROM);
  const flow = useReactFlow();
  useSharedViewport();
  useEffect(() => {
    if (fitRequest > 0) void flow.fitView({ padding: 0.2, duration: 200 });
  }, [fitRequest, flow]);

  const onNodesChange = (changes: NodeChange<PersonaNodeType>[]) => {
    changeNodes(changes);
    if (changes.some((c) => c.type === 'select')) {
      const next = new Set(selected);
      for (const c of changes) if (c.type === 'select') (c.selected ? next.add(c.id) : next.delete(c.id));
      setSelected(next);
    }
  };

  return (
    <ReactFlow
      nodes={shown}
      edges={[]}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStop={(_e, _node, dragged) => {
        for (const n of dragged) {
          void run({ cmd: 'move_item', board: board.id, item_type: 'Persona', id: n.id, pos: { x: n.position.x, y: n.position.y } });
        }
      }}
      onNodeDoubleClick={(_e, node) => onOpen(node.id)}
      multiSelectionKeyCode="Shift"
      onlyRenderVisibleElements
      fitView
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} />
    </ReactFlow>
  );
}

/** The persona board as a free canvas: drag to arrange, Shift to select many, double-click to open. */
export function PersonaCanvas(props: Props) {
  return (
    <div className="canvas" data-testid="persona-canvas">
      <ReactFlowProvider>
        <Canvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
