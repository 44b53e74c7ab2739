// A group at its station in a round: read what earlier groups wrote, add your own.
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { notesAt, roundCount, sortedGroups, stationFor, type Cafe } from './rotation';
import type { CafeSend } from './CafeEditor';

export function GroupNotes({ cafe, send }: { cafe: Cafe; send: CafeSend }) {
  const t = useT();
  const uid = useId();
  const groups = sortedGroups(cafe);
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const [round, setRound] = useState(1);
  const [text, setText] = useState('');
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  const rounds = Array.from({ length: roundCount(cafe) }, (_, i) => i + 1);
  if (!group || rounds.length === 0) return <p>{t('cafe.noRotation')}</p>;
  const station = stationFor(cafe, group.id, round);
  const notes = station ? notesAt(cafe, station.id, group.id, round) : { own: [], earlier: [] };
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? '';

  return (
    <div className="group-notes">
      <div className="pickers">
        <label htmlFor={`${uid}-g`}>{t('cafe.group')}</label>
        <select id={`${uid}-g`} value={group.id} onChange={(e) => setGroupId(e.target.value)}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${uid}-r`}>{t('cafe.round')}</label>
        <select id={`${uid}-r`} value={round} onChange={(e) => setRound(Number(e.target.value))}>
          {rounds.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {station && (
        <section aria-labelledby={`${uid}-st`} className="station-visit">
          <h3 id={`${uid}-st`}>{station.question || t('cafe.unnamedStation')}</h3>
          {station.host && <p>{t('cafe.hostIs', { name: station.host })}</p>}
          <h4>{t('cafe.earlierNotes')}</h4>
          {notes.earlier.length === 0 ? (
            <p>{t('cafe.noNotes')}</p>
          ) : (
            <ul>
              {notes.earlier.map((n) => (
                <li key={n.id}>
                  <span className="note-group">{groupName(n.group_id)}:</span> {n.text}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('cafe.ownNotes')}</h4>
          <ul data-testid="own-notes">
            {notes.own.map((n) => (
              <li key={n.id}>
                {n.text}{' '}
                <button type="button" onClick={() => send.remove('CafeNote', n.id)}>
                  {t('common.remove')}
                  <span className="sr-only"> {n.text}</span>
                </button>
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              send.add({ type: 'CafeNote', station_id: station.id, group_id: group.id, round, text: text.trim(), theme: '' });
              setText('');
            }}
          >
            <label htmlFor={`${uid}-t`}>{t('cafe.newNote')}</label>
            <textarea id={`${uid}-t`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit">{t('cafe.addNote')}</button>
          </form>
        </section>
      )}
    </div>
  );
}
