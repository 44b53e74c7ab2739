// The comparison as a reader takes it in: per board a heading, then plain lists of
// what was added, removed and changed. No React here.
import type { Language, MessageKey, Translate } from '../i18n';
import type { BoardDiff, ItemChange, VersionDiff } from '../types';

export type DiffSection = { key: 'added' | 'removed' | 'changed'; heading: MessageKey; lines: ItemChange[] };
export type DiffBoard = { id: string; title: string; change: MessageKey; sections: DiffSection[] };

const sections: readonly DiffSection['key'][] = ['added', 'removed', 'changed'];

function board(b: BoardDiff): DiffBoard {
  return {
    id: b.board_id,
    title: b.title,
    change: `compare.board.${b.change}`,
    sections: sections
      .map((key) => ({ key, heading: `compare.${key}` as MessageKey, lines: b[key] }))
      .filter((s) => s.lines.length > 0),
  };
}

export const diffBoards = (diff: VersionDiff): DiffBoard[] => diff.boards.map(board);

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A version's date as people read it, in the chosen language. */
export function versionDate(createdAt: string, lang: Language): string {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) return createdAt;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The changed fields as the editors name them ("elämäntilanne, tavoite"), in `t`'s
 * language: the label up to its colon, where the editor adds a question after it. */
export function fieldNames(t: Translate, fields: readonly string[]): string {
  const named = fields.map((f) => {
    const key = `field.${f}`;
    return t.has(key) ? t(key).split(': ')[0].toLowerCase() : f;
  });
  return [...new Set(named)].join(', ');
}
