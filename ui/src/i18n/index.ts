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

type Vars = Record<string, string | number>;

/** A key `K` with the forms `K.one` and `K.other`, for counts. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

export interface Translate {
  (key: MessageKey, vars?: Vars): string;
  /** The form of `key` for `n` (`.one` or `.other`), with `{n}` filled: "1 ääni", "3 ääntä". */
  plural(key: PluralKey, n: number, vars?: Vars): string;
  /** Whether `key` is in the tables (for keys built from data, like error codes). */
  has(key: string): key is MessageKey;
  readonly lang: Language;
}

const fill = (text: string, vars?: Vars) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));

/** A translator for `lang`; `{name}` placeholders are filled from `vars`. */
export function translator(lang: Language): Translate {
  const table = tables[lang];
  const rules = new Intl.PluralRules(lang);
  const t = ((key: MessageKey, vars?: Vars) => fill(table[key], vars)) as Translate;
  t.plural = (key, n, vars) => {
    const form = rules.select(n) === 'one' ? 'one' : 'other';
    return fill(table[`${key}.${form}` as MessageKey], { n, ...vars });
  };
  t.has = (key): key is MessageKey => key in table;
  (t as { lang: Language }).lang = lang;
  return t;
}

/** The supported language closest to a BCP 47 tag such as `sv-FI`; Finnish otherwise. */
export function pickLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : 'fi';
}

export const LanguageContext = createContext<Language>('fi');

const translators = Object.fromEntries(languages.map((l) => [l, translator(l)])) as Record<Language, Translate>;

export function useT(): Translate {
  return translators[useContext(LanguageContext)];
}
