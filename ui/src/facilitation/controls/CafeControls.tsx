// Run a learning café: who is in which group, start, and the next round.
import { boardOf } from '../../boards/kinds';
import { sortedGroups } from '../../boards/cafe/rotation';
import { useT } from '../../i18n';
import type { ControlProps } from '../FacilitatorBar';
import { BoardPicker, useBoardPick } from './BoardPicker';
import { participants, PersonAssign } from './PersonAssign';
import { FacilGroup } from './FacilGroup';

export function CafeControls({ view, act }: ControlProps) {
  const t = useT();
  const pick = useBoardPick(view, ['cafe']);
  const c = view.control;
  const running = c.cafe;
  const board = view.boards.find((b) => b.id === (running?.board ?? pick.board));
  const cafe = board ? boardOf(board, 'cafe') : null;
  const rounds = cafe?.rotation.length ?? 0;
  return (
    <FacilGroup title={t('facil.cafe')}>
      {running ? (
        <p aria-live="polite">{t('facil.cafeRound', { n: running.round, of: rounds })}</p>
      ) : (
        <BoardPicker label={t('facil.onBoard')} pick={pick} />
      )}
      <button type="button" disabled={!pick.board || !!running} onClick={() => act({ cmd: 'start_cafe', board: pick.board })}>
        {t('facil.startCafe')}
      </button>
      <button type="button" disabled={!running} onClick={() => act({ cmd: 'next_cafe_round' })}>
        {t('facil.nextRound')}
      </button>
      {cafe && (
        <details>
          <summary>{t('facil.cafeGroups')}</summary>
          <PersonAssign
            label={t('facil.cafeGroups')}
            people={participants(c.people)}
            groups={sortedGroups(cafe)}
            groupOf={(p) => p.cafe_group}
            assign={(person, group) => act({ cmd: 'assign_cafe_group', person, group })}
          />
        </details>
      )}
    </FacilGroup>
  );
}
