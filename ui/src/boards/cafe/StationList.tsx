// The stations: each a question and the host who stays there.
import { useT } from '../../i18n';
import { CommitField } from '../CommitField';
import { sortedStations, type Cafe } from './rotation';
import type { CafeSend } from './CafeEditor';

export function StationList({ cafe, send }: { cafe: Cafe; send: CafeSend }) {
  const t = useT();
  const stations = sortedStations(cafe);
  return (
    <section aria-labelledby={`stations-${cafe.id}`}>
      <h3 id={`stations-${cafe.id}`}>{t('cafe.stations')}</h3>
      <ol className="station-list" data-testid="stations">
        {stations.map((s, i) => (
          <li key={s.id} className="station">
            <CommitField
              value={s.question}
              label={t('cafe.question', { n: i + 1 })}
              placeholder={t('cafe.question', { n: i + 1 })}
              onCommit={(question) => send.patch('Station', s.id, { question })}
            />
            <CommitField
              value={s.host}
              label={t('cafe.host', { n: i + 1 })}
              placeholder={t('cafe.hostPlaceholder')}
              onCommit={(host) => send.patch('Station', s.id, { host })}
            />
            <button type="button" onClick={() => send.remove('Station', s.id)}>
              {t('common.remove')}
              <span className="sr-only"> {t('cafe.station', { n: i + 1 })}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          send.add({ type: 'Station', question: '', host: '', summary: '', order: stations.length + 1 })
        }
      >
        {t('cafe.addStation')}
      </button>
    </section>
  );
}
