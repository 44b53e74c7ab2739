import { useState } from 'react';
import { useSession } from '../facilitation/context';
import { isFacilitator, isObserver } from '../facilitation/people';
import { useT } from '../i18n';
import type { Board, Command, Outcome } from '../types';

type Props = { board: Board; run: (cmd: Command) => Promise<Outcome>; onOpen: (id: string) => void; onDeleted?: (name: string, entry?: string | null) => void };

/** One board in the list: open it, rename it, archive or restore it, or move it to the trash (the facilitator only). */
export function BoardRow({ board, run, onOpen, onDeleted }: Props) {
  const t = useT();
  const { local } = useSession();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(board.title);
  const save = async () => {
    if (name.trim() && name !== board.title) await run({ cmd: 'patch_board', board: board.id, patch: { title: name.trim() } });
    setRenaming(false);
  };
  const remove = async () => {
    const outcome = await run({ cmd: 'delete_board', board: board.id }).catch(() => null);
    if (outcome) onDeleted?.(board.title, outcome.id);
  };
  return (
    <li className="board" data-testid="board">
      {renaming ? (
        <form
          className="rename"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('board.newName')}{' '}
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="rename-input" />
          </label>
          <button type="submit">{t('board.save')}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('board.cancel')}
          </button>
        </form>
      ) : (
        <>
          <span className="board-title" data-testid="board-title">
            {board.title}
          </span>{' '}
          <span className="board-kind">({t(`board.kind.${board.kind}`)})</span>
        </>
      )}
      <span className="board-actions">
        {!board.archived && (
          <button type="button" onClick={() => onOpen(board.id)} aria-label={`${t('board.open')}: ${board.title}`} data-testid="open-board">
            {t('board.open')}
          </button>
        )}
        {!renaming && !isObserver(local) && (
          <button
            type="button"
            onClick={() => {
              setName(board.title);
              setRenaming(true);
            }}
            aria-label={`${t('board.rename')}: ${board.title}`}
          >
            {t('board.rename')}
          </button>
        )}
        {isFacilitator(local) && (
          <button
            type="button"
            onClick={() => void run({ cmd: 'patch_board', board: board.id, patch: { archived: !board.archived } })}
            aria-label={`${t(board.archived ? 'board.restore' : 'board.archive')}: ${board.title}`}
          >
            {t(board.archived ? 'board.restore' : 'board.archive')}
          </button>
        )}
        {isFacilitator(local) && (
          <button type="button" onClick={() => void remove()} aria-label={`${t('board.deleteNamed')}: ${board.title}`} data-testid="delete-board">
            {t('board.delete')}
          </button>
        )}
      </span>
    </li>
  );
}
