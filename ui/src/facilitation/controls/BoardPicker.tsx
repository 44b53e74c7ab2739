// Choose a board of some kinds for a facilitator action; the open board first.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { BoardKind, WorkshopView } from '../../types';
import { useSession } from '../context';

/** The board chosen (the open one when it fits, else the first that fits) and its picker. */
export function useBoardPick(view: WorkshopView, kinds: BoardKind[]) {
  const { here } = useSession();
  const fits = view.boards.filter((b) => !b.archived && kinds.includes(b.kind));
  const [chosen, setChosen] = useState<string | null>(null);
  const fallback = fits.find((b) => b.id === here.board)?.id ?? fits[0]?.id ?? '';
  const board = fits.some((b) => b.id === chosen) ? (chosen as string) : fallback;
  return { board, fits, setBoard: setChosen };
}

type Props = { label: string; pick: ReturnType<typeof useBoardPick> };

export function BoardPicker({ label, pick }: Props) {
  const t = useT();
  const id = useId();
  if (pick.fits.length === 0) return <p className="hint">{t('facil.noBoard')}</p>;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={pick.board} onChange={(e) => pick.setBoard(e.target.value)}>
        {pick.fits.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
          </option>
        ))}
      </select>
    </>
  );
}
