// The facilitator's plan of the sessions: each session's editor in order, moved
// by buttons, and a button for a new session.
import { useRun } from '../boards/useRun';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { sortedSessions } from './grouping';
import { movedOrder } from './order';
import { SessionEditor } from './SessionEditor';

export function SessionPlan({ view, run, onDeleted }: { view: WorkshopView; run: Run; onDeleted: (name: string, entry?: string | null) => void }) {
  const t = useT();
  const { send, error } = useRun(run);
  const sessions = sortedSessions(view);
  const move = (index: number) => (by: -1 | 1) => {
    const order = movedOrder(sessions, index, by);
    if (order !== null) void send({ cmd: 'patch_session', session: sessions[index].id, patch: { order } });
  };
  return (
    <>
      {error}
      {sessions.length === 0 && <p>{t('sessions.empty')}</p>}
      {sessions.map((session, i) => (
        <SessionEditor
          key={session.id}
          session={session}
          boards={view.boards}
          run={run}
          move={move(i)}
          first={i === 0}
          last={i === sessions.length - 1}
          onDeleted={onDeleted}
        />
      ))}
      <button type="button" className="primary" onClick={() => void send({ cmd: 'add_session', title: t('plan.session.newTitle') })} data-testid="add-session">
        {t('plan.session.add')}
      </button>
    </>
  );
}
