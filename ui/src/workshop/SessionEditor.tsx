// One session (kokoontuminen) as the facilitator plans it: its name and date,
// its place among the sessions and its agenda steps, folded under its title so
// that the page stays short; its memo below, always open.
import { CommitField } from '../boards/CommitField';
import { nextOrder } from '../boards/order';
import { useRun } from '../boards/useRun';
import { MemoEditor } from '../facilitation/MemoEditor';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Board, Session } from '../types';
import { sortedSteps } from './grouping';
import { movedOrder } from './order';
import { StepEditor } from './StepEditor';
import { PlanActions } from './PlanActions';

type Props = {
  session: Session;
  boards: Board[];
  run: Run;
  move: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
  onDeleted: (name: string, entry?: string | null) => void;
};

export function SessionEditor({ session, boards, run, move, first, last, onDeleted }: Props) {
  const t = useT();
  const { send, error } = useRun(run);
  const headingId = `session-${session.id}`;
  const steps = sortedSteps(session);
  const name = session.title || t('plan.session.newTitle');
  const patch = (fields: Record<string, unknown>) => void send({ cmd: 'patch_session', session: session.id, patch: fields });
  const moveStep = (index: number) => (by: -1 | 1) => {
    const order = movedOrder(steps, index, by);
    if (order !== null) void send({ cmd: 'patch_step', session: session.id, step: steps[index].id, patch: { order } });
  };
  const addStep = () =>
    void send({
      cmd: 'add_step',
      session: session.id,
      step: { id: '', title: t('plan.step.newTitle'), instructions: '', questions: [], minutes: null, order: nextOrder(steps), board_id: '', participation: null },
    });
  const remove = async () => {
    const outcome = await send({ cmd: 'delete_session', session: session.id });
    if (outcome) onDeleted(name, outcome.id);
  };
  return (
    <article className="session session-editor" aria-labelledby={headingId} data-testid="session-editor">
      <details className="session-plan">
        <summary data-testid="session-summary">
          <h3 id={headingId}>{name}</h3>
          {session.date && <span className="session-date"> · {session.date}</span>}
        </summary>
        {error}
        <div className="session-fields">
          <label>
            {t('plan.session.name')} <CommitField value={session.title} onCommit={(title) => patch({ title: title.trim() })} testId="session-title" />
          </label>
          <label>
            {t('plan.session.date')}{' '}
            <input type="date" key={session.date} defaultValue={session.date} onBlur={(e) => e.target.value !== session.date && patch({ date: e.target.value })} data-testid="session-date" />
          </label>
        </div>
        <PlanActions name={name} first={first} last={last} move={move} remove={() => void remove()} />
        <h4>{t('session.agenda')}</h4>
        <ol className="agenda">
          {steps.map((step, i) => (
            <StepEditor
              key={step.id}
              session={session}
              step={step}
              boards={boards}
              run={run}
              move={moveStep(i)}
              first={i === 0}
              last={i === steps.length - 1}
              onDeleted={onDeleted}
            />
          ))}
        </ol>
        <button type="button" onClick={addStep} aria-label={`${t('plan.step.add')}: ${name}`} data-testid="add-step">
          {t('plan.step.add')}
        </button>
      </details>
      <MemoEditor session={session} run={run} />
    </article>
  );
}
