// What the live session shows above every screen: the facilitator's tools (for
// the facilitator only), the current step, the countdown, the spotlight, and the
// activity that is running (silent writing, café, evaluation).
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { CafeRunView } from './CafeRunView';
import { useSession } from './context';
import { Countdown } from './Countdown';
import { EvaluationPanel } from './EvaluationPanel';
import { FacilitatorBar } from './FacilitatorBar';
import { findItem } from './items';
import { isFacilitator } from './people';
import type { Run } from './send';
import { ReadOnly } from './ReadOnly';
import { SilentPanel } from './SilentPanel';
import { StepNow } from './StepNow';
import { useMarks } from './useMarks';

export function LiveSession({ view, run }: { view: WorkshopView; run: Run }) {
  const t = useT();
  const { local, follow } = useSession();
  const c = view.control;
  const spotlight = c.spotlight ? findItem(view, c.spotlight) : null;
  useMarks(c.spotlight ? [c.spotlight] : [], 'spotlit', { scroll: true });
  useMarks(isFacilitator(local) ? [] : c.locked, 'item-locked', { disable: true });
  return (
    <aside className="live-session" aria-label={t('live.heading')}>
      {isFacilitator(local) && <FacilitatorBar view={view} run={run} />}
      <StepNow view={view} />
      <Countdown timer={view.control.timer} />
      {follow && <p className="following">{t('live.following')}</p>}
      {spotlight && (
        <p className="spotlight-note" data-testid="spotlight-note">
          {t('live.spotlight')}: <strong>{spotlight.text || t('list.untitled')}</strong>
        </p>
      )}
      <ReadOnly>
        <SilentPanel view={view} run={run} />
        <CafeRunView view={view} run={run} />
        <EvaluationPanel view={view} run={run} />
      </ReadOnly>
    </aside>
  );
}
