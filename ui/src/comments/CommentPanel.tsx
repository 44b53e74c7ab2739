// "Avoimet kommentit": the open threads of each board, with what each is about,
// where they can be answered or marked resolved.
import { useId } from 'react';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Board, WorkshopView } from '../types';
import { CommentItem } from './CommentItem';
import { openThreadsByBoard, targetName } from './threads';

type Props = { view: WorkshopView; run: Run; boards?: Board[]; onOpen?: (board: string) => void };

export function CommentPanel({ view, run, boards, onOpen }: Props) {
  const t = useT();
  const uid = useId();
  const open = openThreadsByBoard(view, boards);
  return (
    <section className="comment-panel" aria-labelledby={`${uid}-h`} data-testid="comment-panel">
      <h2 id={`${uid}-h`}>{t('comments.panel')}</h2>
      {open.length === 0 && <p>{t('comments.panelEmpty')}</p>}
      {open.map(({ board, threads }) => (
        <section key={board.id} aria-labelledby={`${uid}-${board.id}`}>
          <h3 id={`${uid}-${board.id}`}>{board.title}</h3>
          {onOpen && !board.archived && (
            <button type="button" onClick={() => onOpen(board.id)}>
              {t('comments.goTo', { name: board.title })}
            </button>
          )}
          <ul aria-label={t('comments.of', { name: board.title })}>
            {threads.map((thread) => {
              const item = targetName(board, thread.comment.target_id);
              const about = item ? t('comments.onItem', { name: item }) : t('comments.board');
              return <CommentItem key={thread.comment.id} thread={thread} run={run} about={about} />;
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}

