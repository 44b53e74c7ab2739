// The evaluation form: its items, answering it, and the results.
import { useT } from '../../i18n';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchItem } from '../commands';
import { nextOrder } from '../order';
import { boardOf } from '../kinds';
import type { EditorProps } from '../registry';
import { useRun } from '../useRun';
import { AnswerForm } from './AnswerForm';
import { ResultsTable } from './ResultsTable';
import { sortedItems } from './results';

export function EvaluationEditor({ board, run }: EditorProps) {
  const t = useT();
  const { send, error } = useRun(run);
  const form = boardOf(board, 'evaluation');
  if (!form) return null;
  const items = sortedItems(form);
  return (
    <div className="editor evaluation-editor">
      {error}
      <section aria-labelledby={`items-${form.id}`}>
        <h3 id={`items-${form.id}`}>{t('eval.items')}</h3>
        <ol className="eval-items">
          {items.map((item, i) => (
            <li key={item.id}>
              <CommitField
                value={item.text}
                label={t('eval.itemN', { n: i + 1 })}
                onCommit={(text) => send(patchItem(form.id, 'EvalItem', item.id, { text }))}
              />
              <button type="button" onClick={() => send(deleteItem(form.id, 'EvalItem', item.id))}>
                {t('common.remove')}
                <span className="sr-only"> {t('eval.itemN', { n: i + 1 })}</span>
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => send(addItem(form.id, { type: 'EvalItem', text: '', kind: 'scale', section: '', order: nextOrder(form.items) }))}
        >
          {t('eval.addItem')}
        </button>
      </section>
      <AnswerForm
        items={items}
        submit={async (group, values) => {
          for (const [item_id, value] of values) {
            await send(addItem(form.id, { type: 'Answer', item_id, group, value, second: null, text: '' }));
          }
        }}
      />
      <ResultsTable form={form} />
    </div>
  );
}
