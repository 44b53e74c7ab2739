// The shared countdown everyone sees. The clock itself is quiet for screen
// readers; the end is announced once, and shown in words, not only by colour.
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import type { Timer } from '../types';
import { clock, countdown } from './timer';

export function Countdown({ timer }: { timer: Timer | null }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  const running = !!timer?.running;
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [running]);
  const state = countdown(timer, now);
  return (
    <div className={`countdown${state?.ended ? ' ended' : ''}`} data-testid="countdown">
      {state && (
        <span role="timer" aria-label={t('timer.left')}>
          {t('timer.left')}: <strong>{clock(state.left)}</strong>
        </span>
      )}
      <p aria-live="assertive" className="countdown-end" data-testid="timer-ended">
        {state?.ended ? t('timer.ended') : ''}
      </p>
    </div>
  );
}
