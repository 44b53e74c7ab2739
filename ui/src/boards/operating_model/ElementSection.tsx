// One list of the model: its principles, ways of working or phases, in order.
// A phase holds its actors, services, tools and indicators.
import { CommentToggle } from '../../comments/CommentToggle';
import { useT } from '../../i18n';
import { TraceToggle } from '../../traces/TraceToggle';
import type { Comment, ElementKind, ModelElement } from '../../types';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchItem } from '../commands';
import { focusWhenShown } from '../focus';
import { nextOrder } from '../order';
import type { EditorProps } from '../editor';
import { elementsOf, moveCommand, partKinds, type Model } from './model';
import { PartList } from './PartList';
import { RowTools, type Send } from './RowTools';

export type ModelProps = { m: Model; send: Send; comments: readonly Comment[]; run: EditorProps['run'] };

export function ElementSection({ kind, ...props }: ModelProps & { kind: ElementKind }) {
  const t = useT();
  const { m, send } = props;
  const items = elementsOf(m, kind);
  const addId = `${m.id}-add-${kind}`;
  const add = async () => {
    const out = await send(addItem(m.id, { type: 'ModelElement', kind, text: '', note: '', sources: [], order: nextOrder(items) }));
    if (out?.id) focusWhenShown(`[data-item-id="${out.id}"] .element-text`);
  };
  return (
    <section aria-labelledby={`${m.id}-${kind}`} className="model-section" data-testid={`model-${kind}`}>
      <h2 id={`${m.id}-${kind}`}>{t(`model.section.${kind}`)}</h2>
      {items.length === 0 && <p>{t('model.empty')}</p>}
      <ol className="model-list">
        {items.map((e, i) => (
          <ElementRow key={e.id} {...props} e={e} index={i} items={items} addId={addId} />
        ))}
      </ol>
      <button type="button" id={addId} onClick={() => void add()}>
        {t(`model.add.${kind}`)}
      </button>
    </section>
  );
}

type RowProps = ModelProps & { e: ModelElement; index: number; items: ModelElement[]; addId: string };

function ElementRow({ e, index, items, addId, ...props }: RowProps) {
  const t = useT();
  const { m, send, comments, run } = props;
  const n = index + 1;
  const kindName = t(`model.one.${e.kind}`, { n });
  const name = e.text.trim() ? `${kindName}: ${e.text.trim()}` : kindName;
  const phase = e.kind === 'phase';
  return (
    <li className={phase ? 'model-element model-phase' : 'model-element'} data-item-id={e.id} data-testid="model-element">
      {phase && <h3>{name}</h3>}
      <label className="field">
        <span>{phase ? t('model.phaseName') : kindName}</span>
        <CommitField
          className="element-text"
          value={e.text}
          label={phase ? `${t('model.phaseName')}, ${kindName}` : undefined}
          onCommit={(text) => send(patchItem(m.id, 'ModelElement', e.id, { text }))}
        />
      </label>
      <label className="field">
        <span>{t('model.note')}</span>
        <CommitField
          multiline
          value={e.note}
          label={t('model.noteOf', { name: kindName })}
          onCommit={(note) => send(patchItem(m.id, 'ModelElement', e.id, { note }))}
        />
      </label>
      <RowTools
        id={e.id}
        name={name}
        move={(by) => moveCommand(m.id, 'ModelElement', items, index, by)}
        remove={deleteItem(m.id, 'ModelElement', e.id)}
        send={send}
        afterRemove={addId}
      />
      <div className="row-extras">
        <TraceToggle itemType="ModelElement" itemId={e.id} sources={e.sources} name={name} />
        <CommentToggle comments={comments} board={m.id} target={e.id} name={name} run={run} />
      </div>
      {phase && (
        <div className="phase-parts">
          {partKinds.map((kind) => (
            <PartList key={kind} m={m} send={send} phase={e} phaseN={n} kind={kind} />
          ))}
        </div>
      )}
    </li>
  );
}
