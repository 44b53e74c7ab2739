// Every thread about one item (or about the board itself), and a box for a new
// comment. Used under a row of the list view and beside a board.
import { useId, useState } from 'react';
import { useRun } from '../boards/useRun';
import { useCanWrite } from '../facilitation/ReadOnly';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Comment } from '../types';
import { CommentItem } from './CommentItem';
import { newComment, threadsOn } from './threads';

type Props = { comments: readonly Comment[]; board: string; target: string; name: string; run: Run };

export function CommentThread({ comments, board, target, name, run }: Props) {
  const t = useT();
  const uid = useId();
  const canWrite = useCanWrite();
  const { send, error } = useRun(run);
  const [text, setText] = useState('');
  const list = threadsOn(comments, board, target);
  const add = async () => {
    if (!text.trim()) return;
    if (await send({ cmd: 'add_comment', comment: newComment(board, target, text) })) setText('');
  };
  return (
    <div className="comment-thread" data-testid="comment-thread">
      {list.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ul aria-label={t('comments.of', { name })}>
          {list.map((thread) => (
            <CommentItem key={thread.comment.id} thread={thread} run={run} />
          ))}
        </ul>
      )}
      {error}
      {canWrite && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor={`${uid}-c`}>{t('comments.text')}</label>
          <textarea id={`${uid}-c`} rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="comment-text" />
          <button type="submit" disabled={!text.trim()} data-testid="comment-add">
            {t('comments.add')}
          </button>
        </form>
      )}
    </div>
  );
}
