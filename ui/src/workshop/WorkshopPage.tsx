import type { ReactNode } from 'react';
import type { Command, Outcome, WorkshopView } from '../types';
import { useT } from '../i18n';
import { BoardList } from './BoardList';
import { NewBoardForm } from './NewBoardForm';
import { SessionSection } from './SessionSection';
import { sortedSessions } from './grouping';

/** The open workshop: its title, the sessions with their agendas, and the boards. */
type Props = { view: WorkshopView; run: (cmd: Command) => Promise<Outcome>; onOpen: (id: string) => void; tools?: ReactNode };

export function WorkshopPage({ view, run, onOpen, tools }: Props) {
  const t = useT();
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
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t('sessions.heading')}</h2>
          {sessions.length === 0 ? (
            <p>{t('sessions.empty')}</p>
          ) : (
            sessions.map((session) => <SessionSection key={session.id} session={session} run={run} />)
          )}
        </section>
        <section aria-labelledby="boards-heading">
          <h2 id="boards-heading">{t('boards.heading')}</h2>
          <BoardList view={view} run={run} onOpen={onOpen} />
          <NewBoardForm view={view} run={run} onOpen={onOpen} />
        </section>
      </main>
    </>
  );
}
