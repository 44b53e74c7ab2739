import { MemoEditor } from '../facilitation/MemoEditor';
import { ReadOnly } from '../facilitation/ReadOnly';
import type { Run } from '../facilitation/send';
import type { Board, Session } from '../types';
import { useT } from '../i18n';
import { sortedSteps } from './grouping';

/** One session (kokoontuminen) as everyone sees it: its date, agenda steps and memo. */
export function SessionSection({ session, boards, run }: { session: Session; boards: Board[]; run: Run }) {
  const t = useT();
  const boardName = (id: string) => boards.find((b) => b.id === id)?.title;
  const headingId = `session-${session.id}`;
  return (
    <article className="session" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {session.title}
        {session.date && <span className="session-date"> · {session.date}</span>}
      </h3>
      <h4>{t('session.agenda')}</h4>
      <ol className="agenda">
        {sortedSteps(session).map((step) => (
          <li key={step.id} className="step">
            <p className="step-title">
              <strong>{step.title}</strong>
              {step.minutes != null && <span> ({t('step.minutes', { n: step.minutes })})</span>}
            </p>
            {boardName(step.board_id) && (
              <p className="step-board">
                {t('plan.step.board')}: {boardName(step.board_id)}
              </p>
            )}
            {step.participation && (
              <p className="step-participation">
                {t('plan.step.participation')}: {t(`participation.${step.participation}`)}
              </p>
            )}
            {step.instructions && <p className="step-instructions">{step.instructions}</p>}
            {step.questions.length > 0 && (
              <>
                <p className="step-questions-label">{t('step.questions')}:</p>
                <ul aria-label={t('step.questions')}>
                  {step.questions.map((question, i) => (
                    <li key={i}>{question}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
      <ReadOnly>
        <MemoEditor session={session} run={run} />
      </ReadOnly>
    </article>
  );
}
