// Start a shared countdown (the step's minutes by default) or stop it.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { currentStep } from '../StepNow';
import type { ControlProps } from '../FacilitatorBar';
import { FacilGroup } from './FacilGroup';

export function TimerControls({ view, act }: ControlProps) {
  const t = useT();
  const id = useId();
  const [minutes, setMinutes] = useState<number | null>(null);
  const shown = minutes ?? currentStep(view)?.step.minutes ?? 10;
  const running = !!view.control.timer?.running;
  return (
    <FacilGroup title={t('facil.timer')}>
      <label htmlFor={id}>{t('facil.minutes')}</label>
      <input
        id={id}
        type="number"
        min={1}
        max={180}
        value={shown}
        onChange={(e) => setMinutes(Math.max(1, Number(e.target.value) || 1))}
        className="narrow"
      />
      <button type="button" onClick={() => act({ cmd: 'start_timer', seconds: Math.round(shown * 60) })}>
        {t('facil.startTimer')}
      </button>
      <button type="button" disabled={!running} onClick={() => act({ cmd: 'stop_timer' })}>
        {t('facil.stopTimer')}
      </button>
    </FacilGroup>
  );
}
