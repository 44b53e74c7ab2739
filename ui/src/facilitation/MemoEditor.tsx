// A session's memo (muistio) on the workshop home: the facilitator's draft from
// the session's boards, or anyone's words, edited in place.
import { useId } from 'react';
import { CommitField } from '../boards/CommitField';
import { useRun } from '../boards/useRun';
import { useT } from '../i18n';
import type { Session } from '../types';
import type { Run } from './send';

export function MemoEditor({ session, run }: { session: Session; run: Run }) {
  const t = useT();
  const uid = useId();
  const { send, error } = useRun(run);
  return (
    <div className="memo">
      <h4 id={`${uid}-h`}>{t('session.memo')}</h4>
      {error}
      <CommitField
        multiline
        rows={Math.min(20, Math.max(4, session.memo.split('\n').length + 1))}
        value={session.memo}
        label={`${t('session.memo')}: ${session.title}`}
        className="session-memo"
        onCommit={(memo) => void send({ cmd: 'patch_session', session: session.id, patch: { memo } })}
      />
    </div>
  );
}
