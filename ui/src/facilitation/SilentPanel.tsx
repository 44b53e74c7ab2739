// Silent writing: my own cards while the round runs. They stay on my computer
// until the facilitator reveals everyone's cards at once.
import { useId, useState } from 'react';
import { CommitField } from '../boards/CommitField';
import { useRun } from '../boards/useRun';
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { useSession } from './context';
import { isObserver } from './people';
import type { Run } from './send';

export function SilentPanel({ view, run }: { view: WorkshopView; run: Run }) {
  const t = useT();
  const uid = useId();
  const { local } = useSession();
  const { send, error } = useRun(run);
  const [text, setText] = useState('');
  const silent = view.control.silent;
  if (!silent || silent.revealed || isObserver(local)) return null;
  const board = view.boards.find((b) => b.id === silent.board);
  const mine = (local?.drafts ?? []).filter((d) => d.board === silent.board);
  const add = async () => {
    if (!text.trim()) return;
    if (await send({ cmd: 'write_draft', board: silent.board, text: text.trim() })) setText('');
  };
  return (
    <section className="silent-panel" aria-labelledby={`${uid}-h`} data-testid="silent-panel">
      <h2 id={`${uid}-h`}>
        {t('silent.heading')}
        {board && `: ${board.title}`}
      </h2>
      <p className="private-note">{t('silent.onlyYou')}</p>
      {silent.anonymous && <p>{t('silent.anonymous')}</p>}
      {error}
      <ul className="drafts" aria-label={t('silent.myCards')} data-testid="my-drafts">
        {mine.map((d, i) => (
          <li key={d.id}>
            <CommitField
              value={d.text}
              label={t('silent.cardN', { n: i + 1 })}
              onCommit={(value) => void send({ cmd: 'edit_draft', id: d.id, text: value })}
            />
            <button type="button" onClick={() => void send({ cmd: 'delete_draft', id: d.id })}>
              {t('common.remove')}
              <span className="sr-only"> {t('silent.cardN', { n: i + 1 })}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor={`${uid}-t`}>{t('silent.newCard')}</label>
        <textarea id={`${uid}-t`} rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="draft-text" />
        <button type="submit">{t('silent.add')}</button>
      </form>
    </section>
  );
}
