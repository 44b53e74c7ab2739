// Move up, move down and remove, for one row of an ordered list in the model.
// After a move the focus stays on the row's move button, wherever the row went.
import { useT } from '../../i18n';
import type { Command, Outcome } from '../../types';

export type Send = (cmd: Command) => Promise<Outcome | null>;

type Props = {
  id: string;
  name: string;
  move(by: -1 | 1): Command | null;
  remove: Command;
  send: Send;
  /** Where the focus goes once the row is gone. */
  afterRemove: string;
};

// The new order arrives with the next projection, and a button that becomes disabled
// there loses the focus: for a few frames, a lost focus goes back to the row's usable
// move button. A focus the person moved elsewhere is left alone.
function refocus(id: string, by: -1 | 1, frames = 30) {
  requestAnimationFrame(() => {
    const row = document.querySelector(`[data-item-id="${id}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`:scope > .row-tools [data-move="${by}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`:scope > .row-tools [data-move="${-by}"]`);
    const target = wanted && !wanted.disabled ? wanted : other;
    const focused = document.activeElement as HTMLButtonElement | null;
    const lost = !focused || focused === document.body || focused.disabled;
    if (target && (lost || focused === wanted || focused === other)) target.focus();
    if (frames > 0) refocus(id, by, frames - 1);
  });
}

export function RowTools({ id, name, move, remove, send, afterRemove }: Props) {
  const t = useT();
  const moveBy = async (by: -1 | 1) => {
    const cmd = move(by);
    if (cmd && (await send(cmd))) refocus(id, by);
  };
  const removeRow = async () => {
    if (await send(remove)) document.getElementById(afterRemove)?.focus();
  };
  return (
    <div className="row-tools">
      <button
        type="button"
        data-move="-1"
        disabled={move(-1) === null}
        onClick={() => void moveBy(-1)}
        aria-label={`${t('model.moveUp')}: ${name}`}
      >
        <span aria-hidden="true">↑ </span>
        {t('model.moveUp')}
      </button>
      <button
        type="button"
        data-move="1"
        disabled={move(1) === null}
        onClick={() => void moveBy(1)}
        aria-label={`${t('model.moveDown')}: ${name}`}
      >
        <span aria-hidden="true">↓ </span>
        {t('model.moveDown')}
      </button>
      <button type="button" onClick={() => void removeRow()} aria-label={`${t('common.remove')}: ${name}`}>
        {t('common.remove')}
      </button>
    </div>
  );
}
