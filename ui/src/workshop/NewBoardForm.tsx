import { useId, useState } from 'react';
import { useT } from '../i18n';
import type { BoardKind, Command, Outcome, WorkshopView } from '../types';
import { sortedSessions } from './grouping';

const kinds: BoardKind[] = ['persona', 'service_path', 'causal_map', 'cafe', 'idea_wall', 'free', 'quality_criteria', 'evaluation'];

type Props = { view: WorkshopView; run: (cmd: Command) => Promise<Outcome>; onOpen: (id: string) => void };

/** Make a board: which kind, its name, its session, and whether to start from the template. */
export function NewBoardForm({ view, run, onOpen }: Props) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<BoardKind>('persona');
  const [title, setTitle] = useState('');
  const [session, setSession] = useState('');
  const [starter, setStarter] = useState(true);
  const [rating, setRating] = useState(false);
  const variant = kind === 'evaluation' && starter && rating ? 'rating' : undefined;
  const placeholder = variant ? t('eval.formKind.rating') : t(`board.kind.${kind}`);
  return (
    <form
      className="new-board"
      aria-labelledby={`${id}-h`}
      onSubmit={async (e) => {
        e.preventDefault();
        const name = title.trim() || placeholder;
        const outcome = await run({ cmd: 'create_board', kind, title: name, session_id: session || null, starter, ...(variant && { variant }) });
        setTitle('');
        if (outcome.id) onOpen(outcome.id);
      }}
    >
      <h3 id={`${id}-h`}>{t('newBoard.heading')}</h3>
      <label>
        {t('newBoard.kind')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as BoardKind)} data-testid="new-board-kind">
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`board.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('newBoard.title')}{' '}
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={placeholder} data-testid="new-board-title" />
      </label>
      <label>
        {t('newBoard.session')}{' '}
        <select value={session} onChange={(e) => setSession(e.target.value)}>
          <option value="">{t('boards.wholeWorkshop')}</option>
          {sortedSessions(view).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={starter} onChange={(e) => setStarter(e.target.checked)} /> {t('newBoard.starter')}
      </label>
      {kind === 'evaluation' && starter && (
        <fieldset>
          <legend>{t('eval.formKind')}</legend>
          <label>
            <input type="radio" name={`${id}-variant`} checked={!rating} onChange={() => setRating(false)} /> {t('eval.formKind.thl')}
          </label>
          <label>
            <input type="radio" name={`${id}-variant`} checked={rating} onChange={() => setRating(true)} /> {t('eval.formKind.rating')}
          </label>
        </fieldset>
      )}
      <button type="submit" className="primary" data-testid="new-board-create">
        {t('newBoard.create')}
      </button>
    </form>
  );
}
