// The open evaluation form for everyone: answer it as a client or a professional.
// The answers go to the hub alone and are published without a respondent when the
// facilitator closes the form; the results by group are then on the form's board.
import { useId } from 'react';
import { AnswerForm } from '../boards/evaluation/AnswerForm';
import { sortedItems } from '../boards/evaluation/results';
import { boardOf } from '../boards/kinds';
import { useRun } from '../boards/useRun';
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { useSession } from './context';
import { isObserver } from './people';
import type { Run } from './send';

export function EvaluationPanel({ view, run }: { view: WorkshopView; run: Run }) {
  const t = useT();
  const uid = useId();
  const { send, error } = useRun(run);
  const { local } = useSession();
  const open = view.control.evaluation;
  const board = open ? view.boards.find((b) => b.id === open) : undefined;
  const form = board ? boardOf(board, 'evaluation') : null;
  if (!form) return null;
  return (
    <section className="evaluation-panel" aria-labelledby={`${uid}-h`} data-testid="evaluation-panel">
      <h2 id={`${uid}-h`}>
        {t('evalRun.heading')}: {form.title}
      </h2>
      <p>{t('evalRun.anonymous')}</p>
      {error}
      {!isObserver(local) && (
        <AnswerForm
          items={sortedItems(form)}
          submit={async (group, answers) => (await send({ cmd: 'answer_evaluation', board: form.id, group, answers })) !== null}
        />
      )}
    </section>
  );
}
