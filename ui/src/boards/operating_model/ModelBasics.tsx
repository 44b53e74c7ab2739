// The model in brief: what it is and for whom, how one joins, its promise and value.
import { useT, type MessageKey } from '../../i18n';
import { CommitField } from '../CommitField';
import { patchBoard } from '../commands';
import type { Model } from './model';
import type { Send } from './RowTools';

type Field = 'purpose' | 'target_group' | 'how_to_join' | 'service_promise' | 'model_value';

const fields: Array<{ key: Field; label: MessageKey; multiline: boolean }> = [
  { key: 'purpose', label: 'model.purpose', multiline: true },
  { key: 'target_group', label: 'model.targetGroup', multiline: false },
  { key: 'how_to_join', label: 'model.howToJoin', multiline: false },
  { key: 'service_promise', label: 'model.servicePromise', multiline: true },
  { key: 'model_value', label: 'model.value', multiline: false },
];

export function ModelBasics({ m, send }: { m: Model; send: Send }) {
  const t = useT();
  return (
    <section aria-labelledby={`${m.id}-basics`} className="model-section model-basics">
      <h2 id={`${m.id}-basics`}>{t('model.basics')}</h2>
      {fields.map(({ key, label, multiline }) => (
        <label key={key} className="field">
          <span>{t(label)}</span>
          <CommitField multiline={multiline} rows={3} value={m[key]} onCommit={(value) => send(patchBoard(m.id, { [key]: value }))} />
        </label>
      ))}
    </section>
  );
}
