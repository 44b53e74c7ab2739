// The evaluation form: its stage, its items (kind and section), answering it, the
// results, and how the start, middle and end forms compare.
import { useId } from 'react';
import { useSession } from '../../facilitation/context';
import { useT } from '../../i18n';
import type { EvalItem, ItemKind, Stage } from '../../types';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchBoard, patchItem } from '../commands';
import { nextOrder } from '../order';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { AnswerForm } from './AnswerForm';
import { OverTimeTable } from './OverTimeTable';
import { ResultsTable } from './ResultsTable';
import { itemKinds, sortedItems, stages, type Evaluation } from './results';
import './evaluation.css';

type Send = ReturnType<typeof useRun>['send'];

export function EvaluationEditor({ board, view, run }: EditorProps) {
  const t = useT();
  const { send, error } = useRun(run);
  const { local } = useSession();
  const form = boardOf(board, 'evaluation');
  if (!form) return null;
  const items = sortedItems(form);
  const waiting = local?.waiting_answers?.[form.id] ?? 0;
  return (
    <div className="editor evaluation-editor">
      {error}
      <div className="toolbar">
        <label>
          {t('eval.stage')}{' '}
          <select
            value={form.stage ?? ''}
            onChange={(e) => send(patchBoard(form.id, { stage: (e.target.value || null) as Stage | null }))}
            data-testid="eval-stage"
          >
            <option value="">{t('eval.stage.none')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`eval.stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section aria-labelledby={`items-${form.id}`}>
        <h3 id={`items-${form.id}`}>{t('eval.items')}</h3>
        <ol className="eval-items">
          {items.map((item, i) => (
            <ItemRow key={item.id} form={form} item={item} n={i + 1} send={send} />
          ))}
        </ol>
        <button
          type="button"
          onClick={() => send(addItem(form.id, { type: 'EvalItem', text: '', kind: 'scale', section: lastSection(items), order: nextOrder(form.items) }))}
        >
          {t('eval.addItem')}
        </button>
      </section>
      <AnswerForm
        items={items}
        submit={async (group, answers) => (await send({ cmd: 'answer_evaluation', board: form.id, group, answers })) !== null}
      />
      {waiting > 0 && (
        <p className="hint" data-testid="answers-waiting">
          {t('eval.waiting', { n: waiting })}
        </p>
      )}
      <ResultsTable form={form} />
      {form.stage && <OverTimeTable view={view} />}
    </div>
  );
}

/** A new item joins the section of the last one, so a section fills without retyping its name. */
function lastSection(items: EvalItem[]): string {
  return items.length > 0 ? items[items.length - 1].section : '';
}

function ItemRow({ form, item, n, send }: { form: Evaluation; item: EvalItem; n: number; send: Send }) {
  const t = useT();
  const which = t('eval.itemN', { n });
  const kindId = useId();
  return (
    <li>
      <CommitField value={item.text} label={which} onCommit={(text) => send(patchItem(form.id, 'EvalItem', item.id, { text }))} />
      <label htmlFor={kindId}>{t('eval.kind')}</label>
      <select id={kindId} aria-label={`${t('eval.kind')}, ${which}`} value={item.kind} onChange={(e) => send(patchItem(form.id, 'EvalItem', item.id, { kind: e.target.value as ItemKind }))}>
        {itemKinds.map((k) => (
          <option key={k} value={k}>
            {t(`eval.kind.${k}`)}
          </option>
        ))}
      </select>
      <label className="eval-section-field">
        <span aria-hidden="true">{t('eval.section')}</span>
        <CommitField
          value={item.section}
          label={`${t('eval.section')}, ${which}`}
          onCommit={(section) => send(patchItem(form.id, 'EvalItem', item.id, { section }))}
        />
      </label>
      <button type="button" onClick={() => send(deleteItem(form.id, 'EvalItem', item.id))}>
        {t('common.remove')}
        <span className="sr-only"> {which}</span>
      </button>
    </li>
  );
}
