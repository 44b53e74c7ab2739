// Lead everyone's view: bring them to this board and view, lock the board or
// the selected cards, and spotlight one card.
import { useT } from '../../i18n';
import { useSession } from '../context';
import type { ControlProps } from '../FacilitatorBar';
import { FacilGroup } from './FacilGroup';

export function RoomControls({ view, act }: ControlProps) {
  const t = useT();
  const { here, viewport } = useSession();
  const c = view.control;
  const board = here.board;
  const selected = [...here.selected];
  const boardLocked = !!board && c.locked.includes(board);
  const allSelectedLocked = selected.length > 0 && selected.every((id) => c.locked.includes(id));
  const bringHere = () => {
    if (!board) return;
    const v = viewport.current ?? { x: 0, y: 0, zoom: 1 };
    act({ cmd: 'follow', board, x: v.x, y: v.y, zoom: v.zoom });
  };
  return (
    <FacilGroup title={t('facil.room')}>
      <button type="button" disabled={!board} onClick={bringHere}>
        {t('facil.follow')}
      </button>
      <button type="button" disabled={!c.follow} onClick={() => act({ cmd: 'stop_follow' })}>
        {t('facil.stopFollow')}
      </button>
      <button type="button" disabled={!board} aria-pressed={boardLocked} onClick={() => board && act({ cmd: boardLocked ? 'unlock' : 'lock', id: board })}>
        {t(boardLocked ? 'facil.unlockBoard' : 'facil.lockBoard')}
      </button>
      <button
        type="button"
        disabled={selected.length === 0}
        onClick={() => selected.forEach((id) => act({ cmd: allSelectedLocked ? 'unlock' : 'lock', id }))}
      >
        {t(allSelectedLocked ? 'facil.unlockSelected' : 'facil.lockSelected', { n: selected.length })}
      </button>
      <button type="button" disabled={selected.length !== 1} onClick={() => act({ cmd: 'spotlight', item: selected[0] ?? null })}>
        {t('facil.spotlight')}
      </button>
      <button type="button" disabled={!c.spotlight} onClick={() => act({ cmd: 'spotlight', item: null })}>
        {t('facil.stopSpotlight')}
      </button>
    </FacilGroup>
  );
}
