// A tiny message table: Finnish (default), Swedish, English. `fi.ts` defines
// the keys; the other languages must provide every one (the compiler checks).
// To add a language, add a file shaped like `sv.ts` and list it in `tables`.
import { createContext, useContext } from 'react';
import { en } from './en';
import { fi, type MessageKey } from './fi';
import { sv } from './sv';

export type { MessageKey };
export type Language = 'fi' | 'sv' | 'en';
export const languages: readonly Language[] = ['fi', 'sv', 'en'];

const tables: Record<Language, Record<MessageKey, string>> = { fi, sv, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translator for `lang`; `{name}` placeholders are filled from `vars`. */
export function translator(lang: Language): Translate {
  const table = tables[lang];
  return (key, vars) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars && name in vars ? String(vars[name]) : whole,
    );
}

/** The supported language closest to a BCP 47 tag such as `sv-FI`; Finnish otherwise. */
export function pickLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : 'fi';
}

export const LanguageContext = createContext<Language>('fi');

export function useT(): Translate {
  return translator(useContext(LanguageContext));
}
