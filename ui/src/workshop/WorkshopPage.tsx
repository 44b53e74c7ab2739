import { useState, type ReactNode } from 'react';
import { ExperimentList, experimentsOf } from '../boards/idea_wall/Experiments';
import { CommentPanel } from '../comments/CommentPanel';
import { useSession } from '../facilitation/context';
import { isFacilitator, isObserver } from '../facilitation/people';
import { useT } from '../i18n';
import type { Command, Outcome, WorkshopView } from '../types';
import { BoardList } from './BoardList';
import { MetaEditor } from './MetaEditor';
import { NewBoardForm } from './NewBoardForm';
import { PlanTools } from './PlanTools';
import { SessionPlan } from './SessionPlan';
import { SessionSection } from './SessionSection';
import { TrashSection } from './TrashSection';
import { sortedSessions } from './grouping';

/**
 * The open workshop: its title, the sessions with their agendas, the boards and
 * the open comments. The facilitator (or a person alone with their file) plans
 * here; everyone else sees the plan as it is.
 */
type Props = { view: WorkshopView; run: (cmd: Command) => Promise<Outcome>; onOpen: (id: string) => void; tools?: ReactNode };

export function WorkshopPage({ view, run, onOpen, tools }: Props) {
  const t = useT();
  const { local } = useSession();
  const plans = isFacilitator(local);
  const [status, setStatus] = useState('');
  const trash = view.trash ?? [];
  const [undoable, setUndoable] = useState<string | null>(null);
  const announce = (name: string, entry?: string | null) => {
    setStatus(t(entry ? 'plan.trashed' : 'plan.deleted', { name }));
    setUndoable(entry ?? null);
  };
  const restored = (name: string) => {
    setStatus(t('trash.restored', { name }));
    setUndoable(null);
  };
  const undoDelete = async () => {
    if (!undoable) return;
    const name = trash.find((e) => e.id === undoable)?.label ?? '';
    if (await run({ cmd: 'restore_trash', entry: undoable }).catch(() => null)) restored(name);
  };
  const sessions = sortedSessions(view);
  return (
    <>
      <header className="workshop-header">
        <h1 data-testid="workshop-title">{view.meta.title}</h1>
        <p className="workshop-meta">
          {view.meta.organisation && (
            <span>
              {t('workshop.organisation')}: {view.meta.organisation}
            </span>
          )}
          {view.meta.version_label && (
            <span>
              {t('workshop.version')}: {view.meta.version_label}
            </span>
          )}
        </p>
        {tools}
      </header>
      <main>
        {isObserver(local) && <p className="observer-note">{t('observe.note')}</p>}
        {plans && <PlanTools run={run} status={status} undo={undoable && trash.some((e) => e.id === undoable) ? () => void undoDelete() : undefined} />}
        {plans && <MetaEditor meta={view.meta} run={run} />}
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t('sessions.heading')}</h2>
          {plans ? (
            <SessionPlan view={view} run={run} onDeleted={announce} />
          ) : sessions.length === 0 ? (
            <p>{t('sessions.empty')}</p>
          ) : (
            sessions.map((session) => <SessionSection key={session.id} session={session} boards={view.boards} run={run} />)
          )}
        </section>
        <section aria-labelledby="boards-heading">
          <h2 id="boards-heading">{t('boards.heading')}</h2>
          <BoardList view={view} run={run} onOpen={onOpen} onDeleted={announce} />
          {!isObserver(local) && <NewBoardForm view={view} run={run} onOpen={onOpen} />}
        </section>
        {plans && <TrashSection trash={trash} run={run} onRestored={restored} />}
        {experimentsOf(view).length > 0 && <ExperimentList view={view} run={run} readOnly={isObserver(local)} />}
        <CommentPanel view={view} run={run} onOpen={onOpen} />
      </main>
    </>
  );
}
