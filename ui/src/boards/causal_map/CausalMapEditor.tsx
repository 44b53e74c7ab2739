// The causal map: cards and directed links with + / − on a pannable canvas, the
// central problem, "ask why" chains, and beside the map the root causes and loops
// the core computed plus a keyboard way to make and change links.
import {
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  type Connection,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import type { CausalNode, Polarity, Pos } from '../../types';
import { addItem, deleteItem, moveItem, patchBoard, patchItem } from '../commands';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useFlowLabels } from '../flowLabels';
import { DRAW_VISIBLE_ONLY_FROM, NodeCache, useFlowNodes } from '../flowNodes';
import { useRun } from '../useRun';
import { CausalContext, type CausalActions } from './context';
import { CausalNodeCard } from './CausalNodeCard';
import { CausalSummary } from './CausalSummary';
import { LinkList } from './LinkList';
import { toFlowEdges, toFlowNodes, whyPosition, type CausalFlowNode, type CausalMap } from './mapping';
import { PolarityEdge } from './PolarityEdge';
import { fitViewOptions, useCanvas } from '../useCanvas';

const nodeTypes = { causal: CausalNodeCard };
const edgeTypes = { polarity: PolarityEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };

export function CausalMapEditor({ board, run }: EditorProps) {
  const map = boardOf(board, 'causal_map');
  if (!map) return null;
  return (
    <ReactFlowProvider>
      <CausalCanvas map={map} run={run} />
    </ReactFlowProvider>
  );
}

function CausalCanvas({ map, run }: { map: CausalMap; run: EditorProps['run'] }) {
  const t = useT();
  const { send, error } = useRun(run);
  const ariaLabelConfig = useFlowLabels();
  const { matches, selected, setSelected } = useCanvas();
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [cache] = useState(() => new NodeCache<CausalNode, CausalFlowNode>());
  const projected = useMemo(() => toFlowNodes(map, selected, matches, cache), [map, selected, matches, cache]);
  const [nodes, changeNodes] = useFlowNodes(projected);
  const edges = useMemo(() => toFlowEdges(map, selectedEdge), [map, selectedEdge]);
  const b = map.id;

  const setPolarity = useCallback(
    (id: string, polarity: Polarity) => void send(patchItem(b, 'CausalLink', id, { polarity })),
    [b, send],
  );
  const actions = useMemo<CausalActions>(
    () => ({
      setText: (id, text) => void send(patchItem(b, 'CausalNode', id, { text })),
      setPolarity,
      focusId,
      focused: () => setFocusId(null),
    }),
    [b, send, setPolarity, focusId],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CausalFlowNode>[]) => {
      changeNodes(changes);
      for (const c of changes) {
        if (c.type === 'select') {
          if (c.selected) {
            setSelected(c.id);
            setSelectedEdge(null);
          } else setSelected((s) => (s === c.id ? null : s));
        }
        // A drag's end and each arrow-key move arrive with dragging false: commit then.
        if (c.type === 'position' && c.dragging === false && c.position) {
          void send(moveItem(b, 'CausalNode', c.id, c.position));
        }
      }
    },
    [b, send, changeNodes, setSelected],
  );

  const addNode = async (role: 'cause' | 'why', pos: Pos): Promise<string | null> => {
    const outcome = await send(addItem(b, { type: 'CausalNode', text: '', role, pos }));
    return outcome?.id ?? null;
  };
  const addLink = (from: string, to: string, polarity: Polarity = 'strengthens') =>
    send(addItem(b, { type: 'CausalLink', from, to, polarity, note: '' }));

  const addCard = async () => {
    const lowest = map.nodes.reduce((y, n) => Math.max(y, n.pos.y), -140);
    const id = await addNode('cause', { x: 0, y: lowest + 140 });
    if (id) {
      setSelected(id);
      setFocusId(id);
    }
  };
  const askWhy = async () => {
    const effect = map.nodes.find((n) => n.id === selected);
    if (!effect) return;
    const id = await addNode('why', whyPosition(map, effect));
    if (!id) return;
    await addLink(id, effect.id);
    setSelected(id);
    setFocusId(id);
  };
  const removeSelected = () => {
    if (selected) void send(deleteItem(b, 'CausalNode', selected)).then(() => setSelected(null));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (!selectedEdge || target.closest('input, textarea, select')) return;
    if (e.key === '+' || e.key === '-') {
      e.preventDefault();
      setPolarity(selectedEdge, e.key === '+' ? 'strengthens' : 'weakens');
    }
  };

  const selectedIsCentral = selected !== null && selected === map.central_problem;
  return (
    <CausalContext.Provider value={actions}>
      <div className="editor causal-editor">
        <div className="toolbar" role="toolbar" aria-label={t('causal.tools')}>
          <button type="button" onClick={addCard} data-testid="add-card">
            {t('causal.addCard')}
          </button>
          <button type="button" onClick={askWhy} disabled={!selected} data-testid="ask-why">
            {t('causal.askWhy')}
          </button>
          <button
            type="button"
            disabled={!selected || selectedIsCentral}
            onClick={() => selected && send(patchBoard(b, { central_problem: selected }))}
          >
            {t('causal.setCentral')}
          </button>
          <button type="button" onClick={removeSelected} disabled={!selected}>
            {t('causal.removeCard')}
          </button>
          <span className="hint">{selected ? t('causal.selectedHint') : t('causal.selectHint')}</span>
        </div>
        {error}
        <div className="editor-body">
          <div className="canvas" onKeyDown={onKeyDown} aria-label={t('causal.canvas')} role="region">
            <ReactFlow<CausalFlowNode, ReturnType<typeof toFlowEdges>[number]>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              defaultEdgeOptions={defaultEdgeOptions}
              onNodesChange={onNodesChange}
              onEdgesChange={(changes) => {
                for (const c of changes) {
                  if (c.type === 'select') setSelectedEdge((s) => (c.selected ? c.id : s === c.id ? null : s));
                }
              }}
              onPaneClick={() => setSelectedEdge(null)}
              onConnect={(c: Connection) => c.source !== c.target && void addLink(c.source, c.target)}
              deleteKeyCode={null}
              fitView
              minZoom={0.3}
              onlyRenderVisibleElements={map.nodes.length >= DRAW_VISIBLE_ONLY_FROM}
              fitViewOptions={fitViewOptions}
              ariaLabelConfig={ariaLabelConfig}
            >
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
          <aside className="side">
            <CausalSummary map={map} />
            <LinkList
              map={map}
              addLink={(from, to, p) => void addLink(from, to, p)}
              setPolarity={setPolarity}
              removeLink={(id) => void send(deleteItem(b, 'CausalLink', id))}
            />
          </aside>
        </div>
      </div>
    </CausalContext.Provider>
  );
}
