// What the person reads when the core says no: the sentence for the error's code
// in the chosen language, never the core's English message (that stays in logs).
import type { ErrorCode } from '../types/generated/ErrorCode';
import type { Translate } from './index';
import type { MessageKey } from './fi';

type ErrorKey = `error.${ErrorCode}`;

// Fails to compile, naming the key, when a code from the core has no sentence in fi.ts
// (and so, through MessageKey, in sv.ts and en.ts).
type Missing = Exclude<ErrorKey, MessageKey>;
const everyCodeHasASentence: [Missing] extends [never] ? true : Missing = true;
void everyCodeHasASentence;

const known = (code: unknown, t: Translate): code is ErrorCode =>
  typeof code === 'string' && t.has(`error.${code}`);

/** The error's code, if it carries one the core defines. */
export function errorCode(err: unknown, t: Translate): ErrorCode | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  return known(code, t) ? code : null;
}

/** One sentence for `err` in `t`'s language: by its code, or a general one. */
export function errorText(t: Translate, err: unknown): string {
  const code = errorCode(err, t);
  return t(code ? (`error.${code}` as ErrorKey) : 'error.unknown');
}
