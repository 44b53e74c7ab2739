import type { ReactNode } from 'react';
import { languages, useT, type Language } from './i18n';
import { textSizes, type Settings, type TextSize } from './settings';

/** Language and text size, always at the top of the page, after the app's own
 * top-bar buttons (`children`, such as "Työpajat" in the desktop window). */
export function SettingsBar({ settings, onChange, children }: { settings: Settings; onChange: (s: Settings) => void; children?: ReactNode }) {
  const t = useT();
  return (
    <nav className="settings-bar" aria-label={t('settings.heading')}>
      {children && <div className="top-actions">{children}</div>}
      <label>
        {t('settings.language')}{' '}
        <select value={settings.lang} onChange={(e) => onChange({ ...settings, lang: e.target.value as Language })} data-testid="language">
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.textSize')}{' '}
        <select
          value={settings.textSize}
          onChange={(e) => onChange({ ...settings, textSize: e.target.value as TextSize })}
          data-testid="text-size"
        >
          {(Object.keys(textSizes) as TextSize[]).map((s) => (
            <option key={s} value={s}>
              {t(`settings.size.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
