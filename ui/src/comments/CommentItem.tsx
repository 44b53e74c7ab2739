// One thread: the comment, who wrote it, its replies, and (for those who may
// write) a reply box and the button that marks it resolved or opens it again.
import { useId, useState } from 'react';
import { useRun } from '../boards/useRun';
import { useCanWrite } from '../facilitation/ReadOnly';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Comment } from '../types';
import { newComment, type Thread } from './threads';

function Said({ comment }: { comment: Comment }) {
  return (
    <p className="comment-text">
      {comment.author && <strong className="comment-author">{comment.author}: </strong>}
      {comment.text}
    </p>
  );
}

/** `about` says what the thread is about, where that is not plain from the place. */
export function CommentItem({ thread, run, about }: { thread: Thread; run: Run; about?: string }) {
  const t = useT();
  const uid = useId();
  const canWrite = useCanWrite();
  const { send, error } = useRun(run);
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const { comment, replies } = thread;
  const reply = async () => {
    if (!text.trim()) return;
    if (await send({ cmd: 'add_comment', comment: newComment(comment.board_id, comment.target_id, text, comment.id) })) {
      setText('');
      setReplying(false);
    }
  };
  return (
    <li className={comment.resolved ? 'comment resolved' : 'comment'} data-testid="comment" data-comment-id={comment.id}>
      {about && <p className="comment-about">{about}</p>}
      <Said comment={comment} />
      {comment.resolved && <p className="comment-state">{t('comments.resolved')}</p>}
      {replies.length > 0 && (
        <ul className="replies" aria-label={t('comments.replies')}>
          {replies.map((r) => (
            <li key={r.id}>
              <Said comment={r} />
            </li>
          ))}
        </ul>
      )}
      {error}
      {canWrite && (
        <div className="comment-actions">
          <button type="button" onClick={() => setReplying(!replying)} aria-expanded={replying}>
            {t('comments.reply')}
          </button>
          <button
            type="button"
            onClick={() => void send({ cmd: 'patch_comment', comment: comment.id, patch: { resolved: !comment.resolved } })}
            data-testid="comment-resolve"
          >
            {t(comment.resolved ? 'comments.reopen' : 'comments.resolve')}
          </button>
        </div>
      )}
      {canWrite && replying && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void reply();
          }}
        >
          <label htmlFor={`${uid}-r`}>{t('comments.replyText')}</label>
          <textarea id={`${uid}-r`} rows={2} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          <button type="submit" disabled={!text.trim()}>
            {t('comments.send')}
          </button>
        </form>
      )}
    </li>
  );
}
