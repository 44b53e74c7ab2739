// The comment count on an item (or a board), as a button that shows its threads.
import { useId, useState } from 'react';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { Comment } from '../types';
import { CommentThread } from './CommentThread';
import { commentCount } from './threads';

type Props = { comments: readonly Comment[]; board: string; target: string; name: string; run: Run };

export function CommentToggle(props: Props) {
  const t = useT();
  const region = useId();
  const [open, setOpen] = useState(false);
  const n = commentCount(props.comments, props.board, props.target);
  return (
    <div className="comment-toggle">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={region}
        aria-label={`${t('comments.count', { n })} (${props.name})`}
        onClick={() => setOpen(!open)}
        data-testid="comment-count"
        data-count={n}
      >
        <span aria-hidden="true">💬 </span>
        {t('comments.count', { n })}
      </button>
      <div id={region} hidden={!open}>
        {open && <CommentThread {...props} />}
      </div>
    </div>
  );
}
