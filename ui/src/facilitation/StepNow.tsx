// The agenda step the room is on: its title, instructions and support questions.
import { useT } from '../i18n';
import type { WorkshopView } from '../types';

export function currentStep(view: WorkshopView) {
  const { current_session, current_step } = view.control;
  const session = view.sessions.find((s) => s.id === current_session);
  const step = session?.steps.find((s) => s.id === current_step);
  return session && step ? { session, step } : null;
}

export function StepNow({ view }: { view: WorkshopView }) {
  const t = useT();
  const now = currentStep(view);
  if (!now) return null;
  const { step } = now;
  return (
    <section className="step-now" aria-labelledby="step-now-heading" data-testid="step-now">
      <h2 id="step-now-heading">
        {t('live.stepNow')}: {step.title}
      </h2>
      {step.instructions && <p>{step.instructions}</p>}
      {step.questions.length > 0 && (
        <ul aria-label={t('step.questions')}>
          {step.questions.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
