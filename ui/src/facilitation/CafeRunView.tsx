// A running learning café from where I stand: my group's station this round
// (it changes by itself when the facilitator starts the next round), or the
// station I host. Earlier groups' notes to read, and ours to add.
import { useEffect, useId, useRef, useState } from 'react';
import { notesAt } from '../boards/cafe/rotation';
import { addItem } from '../boards/commands';
import { useRun } from '../boards/useRun';
import { useT } from '../i18n';
import type { WorkshopView } from '../types';
import { myCafePlace } from './cafeRun';
import { useSession } from './context';
import { isObserver, myPerson } from './people';
import type { Run } from './send';

export function CafeRunView({ view, run }: { view: WorkshopView; run: Run }) {
  const t = useT();
  const uid = useId();
  const { local } = useSession();
  const { send, error } = useRun(run);
  const [text, setText] = useState('');
  const place = myCafePlace(view, myPerson(view, local), local?.cafe_station ?? null);
  const at = place && 'station' in place ? place.station.id : null;
  const box = useRef<HTMLElement>(null);
  // A new station is brought into sight; the live region says where the group is now.
  useEffect(() => {
    if (at) box.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [at]);
  if (!place) return null;
  const heading = (
    <h2 id={`${uid}-h`}>
      {place.cafe.title} · {t('cafe.roundN', { n: place.round })}
    </h2>
  );
  if (place.kind === 'waiting' || place.kind === 'over') {
    return (
      <section className="cafe-run" aria-labelledby={`${uid}-h`} data-testid="cafe-run">
        {heading}
        <p>{t(place.kind === 'over' ? 'cafeRun.over' : 'cafeRun.waiting')}</p>
      </section>
    );
  }
  const { station, cafe, round } = place;
  const stationNo = cafe.stations.findIndex((s) => s.id === station.id) + 1;
  const group = place.kind === 'visit' ? place.group : null;
  const notes = group ? notesAt(cafe, station.id, group.id, round) : { own: [], earlier: cafe.notes.filter((n) => n.station_id === station.id) };
  return (
    <section ref={box} className="cafe-run" aria-labelledby={`${uid}-h`} data-testid="cafe-run" data-station-id={station.id}>
      {heading}
      <p aria-live="polite" data-testid="cafe-place">
        {group
          ? t('cafeRun.visit', { group: group.name, n: stationNo })
          : t('cafeRun.host', { n: stationNo })}
      </p>
      <p className="cafe-question" data-testid="cafe-question">
        {t('cafeRun.question')}: <strong>{station.question || t('cafe.unnamedStation')}</strong>
      </p>
      {error}
      <h3>{t('cafe.earlierNotes')}</h3>
      {notes.earlier.length === 0 ? <p>{t('cafe.noNotes')}</p> : (
        <ul>
          {notes.earlier.map((n) => (
            <li key={n.id}>{n.text}</li>
          ))}
        </ul>
      )}
      {group && !isObserver(local) && (
        <>
          <h3>{t('cafe.ownNotes')}</h3>
          <ul data-testid="cafe-own-notes">
            {notes.own.map((n) => (
              <li key={n.id}>{n.text}</li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              void send(addItem(cafe.id, { type: 'CafeNote', station_id: station.id, group_id: group.id, round, text: text.trim(), theme: '' })).then(
                (ok) => ok && setText(''),
              );
            }}
          >
            <label htmlFor={`${uid}-t`}>{t('cafe.newNote')}</label>
            <textarea id={`${uid}-t`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit">{t('cafe.addNote')}</button>
          </form>
        </>
      )}
    </section>
  );
}
