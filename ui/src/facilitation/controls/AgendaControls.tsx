// Step through the agenda: previous, next, or any step by name.
import { useId } from 'react';
import { useT } from '../../i18n';
import { agendaIndex, agendaSteps, stepBeside } from '../agenda';
import type { ControlProps } from '../FacilitatorBar';
import { FacilGroup } from './FacilGroup';

export function AgendaControls({ view, act }: ControlProps) {
  const t = useT();
  const id = useId();
  const steps = agendaSteps(view);
  if (steps.length === 0) return null;
  const go = (to: { session: { id: string }; step: { id: string } } | null) =>
    to && act({ cmd: 'go_to_step', session: to.session.id, step: to.step.id });
  const index = agendaIndex(view);
  return (
    <FacilGroup title={t('facil.agenda')}>
      <button type="button" disabled={index <= 0} onClick={() => go(stepBeside(view, -1))}>
        ← {t('facil.prevStep')}
      </button>
      <label htmlFor={id}>{t('facil.step')}</label>
      <select id={id} value={steps[index]?.step.id ?? ''} onChange={(e) => go(steps.find((s) => s.step.id === e.target.value) ?? null)}>
        {index < 0 && <option value="">{t('facil.noStep')}</option>}
        {steps.map((s, i) => (
          <option key={s.step.id} value={s.step.id}>
            {i + 1}. {s.step.title}
          </option>
        ))}
      </select>
      <button type="button" disabled={index >= steps.length - 1} onClick={() => go(stepBeside(view, 1))}>
        {t('facil.nextStep')} →
      </button>
    </FacilGroup>
  );
}
