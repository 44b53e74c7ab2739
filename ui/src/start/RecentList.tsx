import { useContext } from 'react';
import { LanguageContext, useT } from '../i18n';
import type { RecentEntry } from '../types';
import { folderOf } from './refusal';

/** When a workshop was last opened, in the reader's language and time zone. */
function when(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The recent workshops: one button each, read and reached in order with Tab. */
export function RecentList({ recent, disabled, onOpen }: { recent: RecentEntry[]; disabled: boolean; onOpen: (path: string) => void }) {
  const t = useT();
  const lang = useContext(LanguageContext);
  if (recent.length === 0) return <p>{t('start.recent.empty')}</p>;
  return (
    <ul className="recent-list" aria-label={t('start.recent.heading')}>
      {recent.map((entry) => (
        <li key={entry.path}>
          <button type="button" className="recent-item" disabled={disabled} onClick={() => onOpen(entry.path)} data-testid="recent-workshop">
            <span className="recent-title">{entry.title}</span>
            <span className="recent-meta">{t('start.recent.opened', { when: when(entry.opened_at, lang) })}</span>
            <span className="recent-meta">{t('start.recent.place', { folder: folderOf(entry.path) })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
