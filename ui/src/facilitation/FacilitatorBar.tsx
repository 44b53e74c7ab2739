// The facilitator's tools, only on the facilitator's screen (a participant's
// core and the hub refuse these commands anyway). One group per activity.
import { useRun } from '../boards/useRun';
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { AgendaControls } from './controls/AgendaControls';
import { CafeControls } from './controls/CafeControls';
import { GroupControls } from './controls/GroupControls';
import { RoomControls } from './controls/RoomControls';
import { SessionControls } from './controls/SessionControls';
import { SilentControls } from './controls/SilentControls';
import { TimerControls } from './controls/TimerControls';
import { VotingControls } from './controls/VotingControls';
import type { Run } from './send';
import type { FacilCommand } from './send';

export type ControlProps = { view: WorkshopView; act: (cmd: FacilCommand) => void };

export function FacilitatorBar({ view, run }: { view: WorkshopView; run: Run }) {
  const t = useT();
  const { send, error } = useRun(run);
  const act = (cmd: FacilCommand) => void send(cmd);
  const props = { view, act };
  return (
    <details className="facilitator-bar" open data-testid="facilitator-bar">
      <summary>{t('facil.heading')}</summary>
      {error}
      <div className="facil-groups">
        <AgendaControls {...props} />
        <TimerControls {...props} />
        <RoomControls {...props} />
        <SilentControls {...props} />
        <VotingControls {...props} />
        <CafeControls {...props} />
        <GroupControls {...props} />
        <SessionControls {...props} />
      </div>
    </details>
  );
}
