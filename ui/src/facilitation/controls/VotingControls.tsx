// Dot voting: a budget per person, votes hidden until revealed, then a ranking.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { ControlProps } from '../FacilitatorBar';
import { BoardPicker, useBoardPick } from './BoardPicker';
import { FacilGroup } from './FacilGroup';

export function VotingControls({ view, act }: ControlProps) {
  const t = useT();
  const id = useId();
  const pick = useBoardPick(view, ['idea_wall']);
  const [budget, setBudget] = useState(3);
  const [hidden, setHidden] = useState(true);
  const voting = view.control.voting;
  return (
    <FacilGroup title={t('facil.voting')}>
      <BoardPicker label={t('facil.onBoard')} pick={pick} />
      <label htmlFor={`${id}-b`}>{t('facil.budget')}</label>
      <input
        id={`${id}-b`}
        type="number"
        min={1}
        max={20}
        value={budget}
        className="narrow"
        onChange={(e) => setBudget(Math.max(1, Number(e.target.value) || 1))}
      />
      <input id={`${id}-h`} type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
      <label htmlFor={`${id}-h`}>{t('facil.hiddenVotes')}</label>
      <button type="button" disabled={!pick.board || !!voting} onClick={() => act({ cmd: 'start_voting', board: pick.board, budget, hidden })}>
        {t('facil.startVoting')}
      </button>
      <button type="button" disabled={!voting?.hidden || voting.revealed} onClick={() => act({ cmd: 'reveal_votes' })}>
        {t('facil.revealVotes')}
      </button>
      <button type="button" disabled={!voting} onClick={() => act({ cmd: 'end_voting' })}>
        {t('facil.endVoting')}
      </button>
    </FacilGroup>
  );
}
