// Where the model meets other models (liittymäpinnat): a name and a note each.
import { useT } from '../../i18n';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchItem } from '../commands';
import { focusWhenShown } from '../focus';
import { nextOrder } from '../order';
import { inOrder, moveCommand, type Model } from './model';
import { RowTools, type Send } from './RowTools';

export function InterfaceSection({ m, send }: { m: Model; send: Send }) {
  const t = useT();
  const items = inOrder(m.interfaces);
  const addId = `${m.id}-add-interface`;
  const add = async () => {
    const out = await send(addItem(m.id, { type: 'Interface', name: '', note: '', order: nextOrder(items) }));
    if (out?.id) focusWhenShown(`[data-item-id="${out.id}"] .element-text`);
  };
  return (
    <section aria-labelledby={`${m.id}-interfaces`} className="model-section" data-testid="model-interfaces">
      <h2 id={`${m.id}-interfaces`}>{t('model.interfaces')}</h2>
      {items.length === 0 && <p>{t('model.empty')}</p>}
      <ol className="model-list">
        {items.map((item, i) => {
          const own = t('model.interface', { n: i + 1 });
          const name = item.name.trim() ? `${own}: ${item.name.trim()}` : own;
          return (
            <li key={item.id} className="model-element" data-item-id={item.id}>
              <label className="field">
                <span>{own}</span>
                <CommitField className="element-text" value={item.name} onCommit={(v) => send(patchItem(m.id, 'Interface', item.id, { name: v }))} />
              </label>
              <label className="field">
                <span>{t('model.note')}</span>
                <CommitField
                  multiline
                  value={item.note}
                  label={t('model.noteOf', { name: own })}
                  onCommit={(v) => send(patchItem(m.id, 'Interface', item.id, { note: v }))}
                />
              </label>
              <RowTools
                id={item.id}
                name={name}
                move={(by) => moveCommand(m.id, 'Interface', items, i, by)}
                remove={deleteItem(m.id, 'Interface', item.id)}
                send={send}
                afterRemove={addId}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" id={addId} onClick={() => void add()}>
        {t('model.addInterface')}
      </button>
    </section>
  );
}
