import type { Command, Outcome, WorkshopView } from '../types';
import { useT } from '../i18n';
import { BoardRow } from './BoardRow';
import { archivedBoards, boardGroups } from './grouping';

type Props = { view: WorkshopView; run: (cmd: Command) => Promise<Outcome>; onOpen: (id: string) => void; onDeleted?: (name: string, entry?: string | null) => void };

/**
 * Every board, grouped by session: one list labelled "Taulut" whose items are
 * the groups, each with a heading and a nested list of boards. Archived boards
 * follow in a list of their own.
 */
export function BoardList({ view, run, onOpen, onDeleted }: Props) {
  const t = useT();
  const groups = boardGroups(view);
  const archived = archivedBoards(view);
  return (
    <>
      {groups.length === 0 ? (
        <p>{t('boards.empty')}</p>
      ) : (
        <ul aria-label={t('boards.label')} className="board-groups">
          {groups.map(({ session, boards }) => {
            const name = session ? session.title : t('boards.wholeWorkshop');
            return (
              <li key={session?.id ?? 'workshop'}>
                <h3>{name}</h3>
                <ul aria-label={t('boards.ofSession', { session: name })}>
                  {boards.map((board) => (
                    <BoardRow key={board.id} board={board} run={run} onOpen={onOpen} onDeleted={onDeleted} />
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      <details className="archived" open={archived.length > 0 && archived.length < 4}>
        <summary>
          {t('boards.archived')} ({archived.length})
        </summary>
        {archived.length === 0 ? (
          <p>{t('boards.archivedEmpty')}</p>
        ) : (
          <ul aria-label={t('boards.archived')} data-testid="archived-boards">
            {archived.map((board) => (
              <BoardRow key={board.id} board={board} run={run} onOpen={onOpen} onDeleted={onDeleted} />
            ))}
          </ul>
        )}
      </details>
    </>
  );
}
