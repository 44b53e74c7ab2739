import { MemoEditor } from '../facilitation/MemoEditor';
import type { Run } from '../facilitation/send';
import type { Session } from '../types';
import { useT } from '../i18n';
import { sortedSteps } from './grouping';

/** One session (kokoontuminen): its date, agenda steps and memo. */
export function SessionSection({ session, run }: { session: Session; run: Run }) {
  const t = useT();
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
      <MemoEditor session={session} run={run} />
    </article>
  );
}
