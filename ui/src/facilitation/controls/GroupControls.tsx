// Small groups of 3–4, at random or by hand; each may get its own copy of a board.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { ControlProps } from '../FacilitatorBar';
import { participants, PersonAssign } from './PersonAssign';
import { FacilGroup } from './FacilGroup';

export function GroupControls({ view, act }: ControlProps) {
  const t = useT();
  const id = useId();
  const c = view.control;
  const [size, setSize] = useState(4);
  const [random, setRandom] = useState(true);
  const [copy, setCopy] = useState('');
  const boards = view.boards.filter((b) => !b.archived);
  return (
    <FacilGroup title={t('facil.groups')}>
      <label htmlFor={`${id}-s`}>{t('facil.groupSize')}</label>
      <select id={`${id}-s`} value={size} onChange={(e) => setSize(Number(e.target.value))}>
        <option value={3}>3</option>
        <option value={4}>4</option>
      </select>
      <input id={`${id}-r`} type="checkbox" checked={random} onChange={(e) => setRandom(e.target.checked)} />
      <label htmlFor={`${id}-r`}>{t('facil.random')}</label>
      <label htmlFor={`${id}-b`}>{t('facil.copyBoard')}</label>
      <select id={`${id}-b`} value={copy} onChange={(e) => setCopy(e.target.value)}>
        <option value="">{t('facil.noCopy')}</option>
        {boards.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => act({ cmd: 'split_groups', size, random, board: copy || null })}>
        {t('facil.split')}
      </button>
      {c.groups.length > 0 && (
        <details>
          <summary>{t('facil.byHand')}</summary>
          <PersonAssign
            label={t('facil.groups')}
            people={participants(c.people)}
            groups={c.groups}
            groupOf={(p) => p.group}
            assign={(person, group) => act({ cmd: 'assign_group', person, group })}
          />
        </details>
      )}
    </FacilGroup>
  );
}
