// Silent writing: everyone writes their own cards first; reveal shows them all at once.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { ControlProps } from '../FacilitatorBar';
import { BoardPicker, useBoardPick } from './BoardPicker';
import { FacilGroup } from './FacilGroup';

export function SilentControls({ view, act }: ControlProps) {
  const t = useT();
  const id = useId();
  const pick = useBoardPick(view, ['free', 'idea_wall']);
  const [anonymous, setAnonymous] = useState(true);
  const silent = view.control.silent;
  const writing = !!silent && !silent.revealed;
  const late = silent?.revealed ? silent.late : 0;
  return (
    <FacilGroup title={t('facil.silent')}>
      <BoardPicker label={t('facil.onBoard')} pick={pick} />
      <input id={id} type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
      <label htmlFor={id}>{t('facil.anonymous')}</label>
      <button type="button" disabled={!pick.board || writing} onClick={() => act({ cmd: 'start_silent', board: pick.board, anonymous })}>
        {t('facil.startSilent')}
      </button>
      <button type="button" disabled={!writing && late === 0} onClick={() => act({ cmd: 'reveal_silent' })}>
        {late > 0 ? t('facil.showLate') : t('facil.revealSilent')}
      </button>
      {late > 0 && (
        <p role="status" data-testid="late-drafts">
          {t('facil.lateWaiting', { n: late })}
        </p>
      )}
    </FacilGroup>
  );
}
