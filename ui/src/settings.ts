// The person's own settings: language and text size, kept in this browser.
import type { Language } from './i18n';

export type TextSize = 'normal' | 'large' | 'larger';
export const textSizes: Record<TextSize, string> = { normal: '100%', large: '125%', larger: '150%' };

export type Settings = { lang: Language; textSize: TextSize };

const KEY = 'paja.settings';

export function loadSettings(fallback: Language): Settings {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
    return {
      lang: saved.lang && ['fi', 'sv', 'en'].includes(saved.lang) ? saved.lang : fallback,
      textSize: saved.textSize && saved.textSize in textSizes ? saved.textSize : 'normal',
    };
  } catch {
    return { lang: fallback, textSize: 'normal' };
  }
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private windows may refuse storage; the settings then last for this visit.
  }
}
