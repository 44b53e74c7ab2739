// The one sentence the start screen says about a refused file, in the chosen language,
// decided by the error's code (never by the core's English message).
import type { MessageKey, Translate } from '../i18n';
import type { ErrorCode } from '../types/generated/ErrorCode';
import type { Refusal } from './desktop';

const known = ['damaged', 'too_new', 'not_paja', 'file_not_found', 'exists'] as const satisfies readonly ErrorCode[];

/** `/a/b/talo.paja` → `talo.paja`, on any platform's separators. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The folder part of a path, as the recent list shows where a file is. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

export function refusalText(t: Translate, refusal: Refusal): string {
  const code = refusal.error.code as (typeof known)[number];
  if (!refusal.path) return t('start.failed');
  const key: MessageKey = known.includes(code) ? `start.refused.${code}` : 'start.refused.other';
  return t(key, { file: fileName(refusal.path) });
}
