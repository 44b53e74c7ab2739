// A free board: sticky notes anywhere on a canvas. Moves commit on drop. Picture
// cards come from the deck, and are listed under the canvas to change by keyboard.
import { Controls, ReactFlow, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { FreeCard, Picture } from '../../types';
import { addItem, deleteItem, moveItem, patchItem } from '../commands';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useFlowLabels } from '../flowLabels';
import { DRAW_VISIBLE_ONLY_FROM, NodeCache, useFlowNodes } from '../flowNodes';
import { useNodesNearView } from '../nearView';
import { useRun } from '../useRun';
import { FreeContext, type FreeActions } from './context';
import { newCardPos, toStickyNodes, type FreeBoard, type StickyNode } from './mapping';
import { StickyNote } from './StickyNote';
import { PictureCards } from './PictureCards';
import { PictureDeck } from './PictureDeck';
import './pictures.css';
import { fitViewOptions, useCanvas } from '../useCanvas';

const nodeTypes = { sticky: StickyNote };

export function FreeBoardEditor({ board, run }: EditorProps) {
  const free = boardOf(board, 'free');
  if (!free) return null;
  return (
    <ReactFlowProvider>
      <FreeCanvas free={free} run={run} />
    </ReactFlowProvider>
  );
}

function FreeCanvas({ free, run }: { free: FreeBoard; run: EditorProps['run'] }) {
  const t = useT();
  const { send, error } = useRun(run);
  const ariaLabelConfig = useFlowLabels();
  const { matches, selected, setSelected } = useCanvas();
  const [focusId, setFocusId] = useState<string | null>(null);
  const [deckOpen, setDeckOpen] = useState(false);
  const deckButton = useRef<HTMLButtonElement>(null);
  const [cache] = useState(() => new NodeCache<FreeCard, StickyNode>());
  const projected = useMemo(() => toStickyNodes(free, selected, matches, cache), [free, selected, matches, cache]);
  const [nodes, changeNodes] = useFlowNodes(projected);
  const shown = useNodesNearView(nodes, nodes.length >= DRAW_VISIBLE_ONLY_FROM);
  const b = free.id;

  const actions = useMemo<FreeActions>(
    () => ({
      setText: (id, text) => void send(patchItem(b, 'FreeCard', id, { text })),
      setColor: (id, color) => void send(patchItem(b, 'FreeCard', id, { color })),
      focusId,
      focused: () => setFocusId(null),
    }),
    [b, send, focusId],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StickyNode>[]) => {
      changeNodes(changes);
      for (const c of changes) {
        if (c.type === 'select') setSelected((s) => (c.selected ? c.id : s === c.id ? null : s));
        if (c.type === 'position' && c.dragging === false && c.position) {
          void send(moveItem(b, 'FreeCard', c.id, c.position));
        }
      }
    },
    [b, send, changeNodes, setSelected],
  );

  const add = async (picture: Picture | null = null) => {
    const outcome = await send(addItem(b, { type: 'FreeCard', picture, text: '', color: 'yellow', pos: newCardPos(free) }));
    if (outcome?.id) {
      setSelected(outcome.id);
      setFocusId(outcome.id);
    }
  };
  const pick = (picture: Picture) => {
    setDeckOpen(false);
    void add(picture);
  };
  const closeDeck = () => {
    setDeckOpen(false);
    deckButton.current?.focus();
  };

  return (
    <FreeContext.Provider value={actions}>
      <div className="editor free-editor">
        <div className="toolbar" role="toolbar" aria-label={t('free.tools')}>
          <button type="button" onClick={() => void add()}>
            {t('free.add')}
          </button>
          <button
            ref={deckButton}
            type="button"
            aria-expanded={deckOpen}
            onClick={() => (deckOpen ? closeDeck() : setDeckOpen(true))}
            data-testid="open-deck"
          >
            {t('picture.deck')}
          </button>
          <button
            type="button"
            disabled={!selected}
            onClick={() => selected && send(deleteItem(b, 'FreeCard', selected)).then(() => setSelected(null))}
          >
            {t('free.remove')}
          </button>
        </div>
        {error}
        {deckOpen && <PictureDeck pick={pick} close={closeDeck} />}
        <div className="canvas" role="region" aria-label={t('free.canvas')}>
          <ReactFlow<StickyNode>
            nodes={shown}
            edges={[]}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            nodesConnectable={false}
            deleteKeyCode={null}
            fitView
            minZoom={0.3}
            onlyRenderVisibleElements={free.cards.length >= DRAW_VISIBLE_ONLY_FROM}
            fitViewOptions={fitViewOptions}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <PictureCards
          cards={free.cards}
          setText={actions.setText}
          setPicture={(id, picture) => send(patchItem(b, 'FreeCard', id, { picture }))}
        />
      </div>
    </FreeContext.Provider>
  );
}
