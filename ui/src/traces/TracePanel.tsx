// "Mistä tämä tuli?" for one item: the sources it came from (a deleted one stays,
// marked as a broken link), a way to add one from any board, and where this item
// itself was used as a source.
import { useId, useRef, useState } from 'react';
import { useRun } from '../boards/useRun';
import { useT } from '../i18n';
import { useQueries } from '../backend/queries';
import type { ItemType, Source, Trace } from '../types';
import { useTraceScope, type TraceScope } from './scope';
import { boardTitle, freshSource, groupedChoices, sourceBoards, sourceChoices, usedBy } from './sources';
import { useQuery } from '../backend/useQuery';
import './traces.css';

type Props = { board: string; itemType: ItemType; itemId: string; sources: readonly Source[]; name: string };

const NO_TRACES: Trace[] = [];

export function TracePanel(props: Props) {
  const scope = useTraceScope();
  return scope ? <Panel {...props} scope={scope} /> : null;
}

function Panel({ board, itemType, itemId, sources, name, scope }: Props & { scope: TraceScope }) {
  const t = useT();
  const uid = useId();
  const tools = useQueries();
  const { send, error } = useRun(scope.run);
  const traces = useQuery(tools ? () => tools.traces() : null, scope.view, NO_TRACES);
  const used = usedBy(traces, board, itemId);
  return (
    <section className="trace-panel" aria-labelledby={`${uid}-h`} data-testid="trace-panel">
      <p id={`${uid}-h`} className="trace-title">
        {t('trace.of', { name })}
      </p>
      {error}
      {sources.length === 0 ? (
        <p>{t('trace.none')}</p>
      ) : (
        <ul aria-label={t('trace.heading')} className="trace-sources">
          {sources.map((s, index) => (
            <SourceRow
              key={`${index}-${s.item_id}`}
              source={freshSource(traces, board, itemId, s)}
              title={boardTitle(scope.view, s.board_id)}
              onRemove={() => send({ cmd: 'untrace', board, item_type: itemType, id: itemId, index })}
            />
          ))}
        </ul>
      )}
      <AddSource scope={scope} except={itemId} onAdd={(source_board, source_item) =>
        send({ cmd: 'trace', board, item_type: itemType, id: itemId, source_board, source_item })
      } />
      <p className="trace-title">{t('trace.usedHere')}</p>
      {used.length === 0 ? (
        <p>{t('trace.notUsed')}</p>
      ) : (
        <ul aria-label={t('trace.usedHere')} data-testid="trace-used">
          {used.map((tr) => (
            <li key={`${tr.board_id}-${tr.item_id}`}>
              {tr.item_label || t('model.untitled')} ({t('trace.onBoard', { board: boardTitle(scope.view, tr.board_id) })})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceRow({ source, title, onRemove }: { source: Source; title: string; onRemove(): void }) {
  const t = useT();
  const text = source.broken ? t('trace.deleted', { label: source.label }) : source.label;
  return (
    <li className={source.broken ? 'trace-source broken' : 'trace-source'} data-testid="trace-source" data-broken={source.broken}>
      {source.broken ? (
        <span>
          <strong className="trace-broken">
            <span aria-hidden="true">⚠ </span>
            {t('trace.broken')}:
          </strong>{' '}
          {text}
        </span>
      ) : (
        <span>
          {text}
          {title && <span className="trace-board"> ({t('trace.onBoard', { board: title })})</span>}
        </span>
      )}
      <button type="button" onClick={onRemove} aria-label={`${t('trace.remove')}: ${text}`}>
        {t('trace.remove')}
      </button>
    </li>
  );
}

function AddSource({ scope, except, onAdd }: { scope: TraceScope; except: string; onAdd(board: string, item: string): Promise<unknown> }) {
  const t = useT();
  const uid = useId();
  const [boardId, setBoardId] = useState('');
  const [itemId, setItemId] = useState('');
  const itemSelect = useRef<HTMLSelectElement>(null);
  const boards = sourceBoards(scope.view, except);
  const chosen = boards.find((b) => b.id === boardId);
  const groups = chosen ? groupedChoices(sourceChoices(chosen, except)) : [];
  const typeName = (type: ItemType) => {
    const key = `trace.type.${type}`;
    return t.has(key) ? t(key) : type;
  };
  const add = async () => {
    await onAdd(boardId, itemId);
    setItemId('');
    itemSelect.current?.focus();
  };
  return (
    <fieldset className="trace-add">
      <legend>{t('trace.add')}</legend>
      <label htmlFor={`${uid}-b`}>{t('trace.board')}</label>
      <select
        id={`${uid}-b`}
        value={boardId}
        onChange={(e) => {
          setBoardId(e.target.value);
          setItemId('');
        }}
      >
        <option value="">{t('trace.chooseBoard')}</option>
        {boards.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${uid}-i`}>{t('trace.item')}</label>
      <select id={`${uid}-i`} ref={itemSelect} value={itemId} disabled={!chosen} onChange={(e) => setItemId(e.target.value)}>
        <option value="">{t('trace.chooseItem')}</option>
        {groups.map((g) => (
          <optgroup key={g.itemType} label={typeName(g.itemType)}>
            {g.choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="button" disabled={!chosen || !itemId} onClick={() => void add()}>
        {t('trace.add')}
      </button>
    </fieldset>
  );
}
