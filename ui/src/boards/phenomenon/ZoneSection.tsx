// One zone of the phenomenon map or one SWOT field: a heading, its entries with a
// field each, a choice of zone to move an entry to, and buttons to add and remove.
import { useId } from 'react';
import { useT } from '../../i18n';
import type { Entry, Zone } from '../../types';
import { CommitField } from '../CommitField';
import { useBoardHost } from '../host';
import { allZones } from './zones';

export type ZoneActions = {
  add(zone: Zone): void;
  setText(id: string, text: string): void;
  moveTo(id: string, zone: Zone): void;
  remove(zone: Zone, index: number): void;
};

type Props = { zone: Zone; entries: Entry[]; actions: ZoneActions };

export function ZoneSection({ zone, entries, actions }: Props) {
  const t = useT();
  const uid = useId();
  const name = t(`phenomenon.zone.${zone}`);
  return (
    <section className={`zone zone-${zone}`} aria-labelledby={uid} data-testid={`zone-${zone}`}>
      <h3 id={uid}>{name}</h3>
      {entries.length > 0 && (
        <ul className="entries">
          {entries.map((entry, i) => (
            <EntryRow key={entry.id} entry={entry} label={`${name} ${i + 1}`} actions={actions} remove={() => actions.remove(zone, i)} />
          ))}
        </ul>
      )}
      <button type="button" onClick={() => actions.add(zone)} data-add-zone={zone} aria-label={`${t('phenomenon.add')}: ${name}`}>
        {t('phenomenon.add')}
      </button>
    </section>
  );
}

type RowProps = { entry: Entry; label: string; actions: ZoneActions; remove(): void };

function EntryRow({ entry, label, actions, remove }: RowProps) {
  const t = useT();
  const { matches } = useBoardHost();
  return (
    <li className={matches.has(entry.id) ? 'entry match' : 'entry'} data-testid="entry">
      <CommitField
        id={`entry-${entry.id}`}
        multiline
        value={entry.text}
        label={`${t('phenomenon.entry')}: ${label}`}
        onCommit={(text) => actions.setText(entry.id, text)}
      />
      {entry.sources.length > 0 && (
        <p className="entry-sources">
          {t('phenomenon.sources')}:{' '}
          {entry.sources.map((s) => (s.broken ? `${s.label} (${t('phenomenon.sourceGone')})` : s.label)).join('; ')}
        </p>
      )}
      <div className="entry-actions">
        <label>
          {t('phenomenon.zone')}{' '}
          <select id={`entry-zone-${entry.id}`} value={entry.zone} onChange={(e) => actions.moveTo(entry.id, e.target.value as Zone)}>
            {allZones.map((z) => (
              <option key={z} value={z}>
                {t(`phenomenon.zone.${z}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={remove} aria-label={`${t('phenomenon.remove')}: ${label}`}>
          {t('phenomenon.remove')}
        </button>
      </div>
    </li>
  );
}
