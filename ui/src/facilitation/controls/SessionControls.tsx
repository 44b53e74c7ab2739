// The evaluation form, browser participants, and the session memo.
import { useId } from 'react';
import { useT } from '../../i18n';
import type { ControlProps } from '../FacilitatorBar';
import { BoardPicker, useBoardPick } from './BoardPicker';
import { FacilGroup } from './FacilGroup';

export function SessionControls({ view, act }: ControlProps) {
  const t = useT();
  const id = useId();
  const c = view.control;
  const pick = useBoardPick(view, ['evaluation']);
  const session = view.control.current_session ?? view.sessions[0]?.id ?? null;
  return (
    <FacilGroup title={t('facil.session')}>
      {!c.evaluation && <BoardPicker label={t('facil.evaluationForm')} pick={pick} />}
      {c.evaluation ? (
        <button type="button" onClick={() => act({ cmd: 'close_evaluation' })}>
          {t('facil.closeEvaluation')}
        </button>
      ) : (
        <button type="button" disabled={!pick.board} onClick={() => act({ cmd: 'open_evaluation', board: pick.board })}>
          {t('facil.openEvaluation')}
        </button>
      )}
      <input id={id} type="checkbox" checked={c.browsers} onChange={(e) => act({ cmd: 'allow_browsers', on: e.target.checked })} />
      <label htmlFor={id}>{t('facil.browsers')}</label>
      <button type="button" disabled={!session} onClick={() => session && act({ cmd: 'draft_memo', session })}>
        {t('facil.draftMemo')}
      </button>
    </FacilGroup>
  );
}
