// The harvest: each station's notes round by round, and a summary per station.
import { useState } from 'react';
import { useT } from '../../i18n';
import { SuggestionPanel } from '../../synthesis/SuggestionPanel';
import type { Board } from '../../types';
import { CommitField } from '../CommitField';
import { harvest, type Cafe } from './rotation';
import type { CafeSend } from './CafeEditor';

export function Harvest({ cafe, send }: { cafe: Cafe; send: CafeSend }) {
  const t = useT();
  const [grouping, setGrouping] = useState<string | null>(null);
  return (
    <div className="harvest" data-testid="harvest">
      {harvest(cafe).map(({ station, rounds }, i) => (
        <section key={station.id} className="harvest-station" aria-labelledby={`h-${station.id}`}>
          <h3 id={`h-${station.id}`}>
            {t('cafe.station', { n: i + 1 })}: {station.question || t('cafe.unnamedStation')}
          </h3>
          {rounds.length === 0 && <p>{t('cafe.noNotes')}</p>}
          {rounds.map((r) => (
            <div key={r.round}>
              <h4>{t('cafe.roundN', { n: r.round })}</h4>
              <ul>
                {r.notes.map(({ note, group }) => (
                  <li key={note.id}>
                    <span className="note-group">{group}:</span> {note.text}
                    {note.theme && <span className="note-theme"> ({t('cafe.theme', { theme: note.theme })})</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {rounds.length > 0 && (
            <p>
              <button type="button" aria-expanded={grouping === station.id} onClick={() => setGrouping(station.id)}>
                {t('synthesis.suggest')}
              </button>{' '}
              <button type="button" onClick={() => send.draftHarvest(station.id)}>
                {t('cafe.draftSummary')}
              </button>
            </p>
          )}
          {grouping === station.id && (
            <SuggestionPanel board={cafe as Board} station={station.id} run={send.run} onClose={() => setGrouping(null)} />
          )}
          <label className="field">
            <span>{t('cafe.summary')}</span>
            <CommitField
              multiline
              rows={3}
              value={station.summary}
              label={t('cafe.summaryOf', { n: i + 1 })}
              onCommit={(summary) => send.patch('Station', station.id, { summary })}
            />
          </label>
        </section>
      ))}
    </div>
  );
}
