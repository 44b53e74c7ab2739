import type { WorkshopView } from '../types';
import { useT } from '../i18n';
import { boardGroups } from './grouping';

/**
 * Every board, grouped by session: one list labelled "Taulut" whose items are
 * the groups, each with a heading and a nested list of board titles and kinds.
 */
export function BoardList({ view }: { view: WorkshopView }) {
  const t = useT();
  const groups = boardGroups(view);
  if (groups.length === 0) return <p>{t('boards.empty')}</p>;
  return (
    <ul aria-label={t('boards.label')} className="board-groups">
      {groups.map(({ session, boards }) => {
        const name = session ? session.title : t('boards.wholeWorkshop');
        return (
          <li key={session?.id ?? 'workshop'}>
            <h3>{name}</h3>
            <ul aria-label={t('boards.ofSession', { session: name })}>
              {boards.map((board) => (
                <li key={board.id} className="board" data-testid="board">
                  <span className="board-title" data-testid="board-title">
                    {board.title}
                  </span>{' '}
                  <span className="board-kind">({t(`board.kind.${board.kind}`)})</span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
