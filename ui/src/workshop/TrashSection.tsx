// The trash (roskakori), for the facilitator: deleted boards and sessions with when
// they went, each put back whole with "Palauta"; emptying it asks once more.
import { useState } from 'react';
import { useRun } from '../boards/useRun';
import type { Run } from '../facilitation/send';
import { useT } from '../i18n';
import type { TrashEntry } from '../types';
import { versionDate } from '../versions/diffList';

type Props = { trash: TrashEntry[]; run: Run; onRestored: (name: string) => void };

export function TrashSection({ trash, run, onRestored }: Props) {
  const t = useT();
  const { send, error } = useRun(run);
  const [asking, setAsking] = useState(false);
  const name = (entry: TrashEntry) => t(entry.what === 'session' ? 'trash.session' : 'trash.board', { name: entry.label });
  const restore = async (entry: TrashEntry) => {
    if (await send({ cmd: 'restore_trash', entry: entry.id })) onRestored(name(entry));
  };
  const empty = async () => {
    setAsking(false);
    await send({ cmd: 'empty_trash' });
  };
  return (
    <section aria-labelledby="trash-heading" className="trash" data-testid="trash">
      <h2 id="trash-heading">{t('trash.heading')}</h2>
      {error}
      {trash.length === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <>
          <p>{t('trash.note')}</p>
          <ul aria-label={t('trash.heading')}>
            {trash.map((entry) => (
              <li key={entry.id} data-testid="trash-entry">
                <span>{name(entry)}</span>, {t('trash.deletedAt', { time: versionDate(new Date(entry.deleted_at).toISOString(), t.lang) })}{' '}
                <button type="button" onClick={() => void restore(entry)} aria-label={`${t('trash.restore')}: ${name(entry)}`} data-testid="trash-restore">
                  {t('trash.restore')}
                </button>
              </li>
            ))}
          </ul>
          {asking ? (
            <div role="group" aria-label={t('trash.emptyAll')}>
              <p>{t('trash.confirm')}</p>
              <button type="button" onClick={() => void empty()} data-testid="trash-empty-confirm">
                {t('trash.confirmYes')}
              </button>{' '}
              <button type="button" onClick={() => setAsking(false)} autoFocus>
                {t('trash.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setAsking(true)} data-testid="trash-empty">
              {t('trash.emptyAll')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
