// Evaluation results → rows to show. The core computes the means, ranks and word
// counts and leaves a group's mean out when too few answered; this only sorts,
// groups and formats. Pure.
import type { EvalItem, ItemKind, ItemResult, OverTimeRow, Response, Stage, WordCount } from '../../types';
import type { BoardOf } from '../kinds';

export type Evaluation = BoardOf<'evaluation'>;

export const scale = [1, 2, 3, 4, 5] as const;
export const zeroToFive = [0, 1, 2, 3, 4, 5] as const;
export const stages: readonly Stage[] = ['start', 'middle', 'end'];
export const itemKinds: readonly ItemKind[] = ['scale', 'open', 'two_scale'];

export type ResultRow = { item: EvalItem; count: number; mean: string; client: string; professional: string };

/** A mean with one decimal in the language's style (3,5 in Finnish); a dash when hidden. */
export function formatMean(mean: number | null, lang: string): string {
  if (mean === null) return '–';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}

/** "4,2 (0,8)": a mean and its standard deviation; the mean alone when there is no deviation. */
export function meanAndSd(mean: number | null, sd: number | null, lang: string): string {
  if (mean === null) return '–';
  return sd === null ? formatMean(mean, lang) : `${formatMean(mean, lang)} (${formatMean(sd, lang)})`;
}

export function sortedItems(board: Evaluation): EvalItem[] {
  return [...board.items].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

function resultsById(board: Evaluation): Map<string, ItemResult> {
  return new Map(board.results.map((r) => [r.item_id, r]));
}

/** A group's mean; `tooFew` where the core hid it because the group was under five. */
function groupMean(mean: number | null, count: number, lang: string, tooFew: string): string {
  return mean === null && count > 0 ? tooFew : formatMean(mean, lang);
}

/** The 1–5 statements, one row each in order. */
export function resultRows(board: Evaluation, lang: string, tooFew = '–'): ResultRow[] {
  const results = resultsById(board);
  return sortedItems(board)
    .filter((item) => item.kind === 'scale')
    .map((item) => {
      const r = results.get(item.id);
      const count = r?.count ?? 0;
      return {
        item,
        count,
        mean: formatMean(r?.mean ?? null, lang),
        client: groupMean(r?.client_mean ?? null, count, lang, tooFew),
        professional: groupMean(r?.professional_mean ?? null, count, lang, tooFew),
      };
    });
}

export type Section = { section: string; items: EvalItem[] };

/** Items under their section headings, sections in the order their first item comes. */
export function bySection(items: EvalItem[]): Section[] {
  const sections = new Map<string, EvalItem[]>();
  for (const item of items) {
    const key = item.section.trim();
    sections.set(key, [...(sections.get(key) ?? []), item]);
  }
  return [...sections].map(([section, list]) => ({ section, items: list }));
}

export type RankRow = { item: EvalItem; rank: number; importance: string; competence: string; gap: string };

/** The two-scale items by rank (1 = most important); items nobody rated yet come last. */
export function rankingRows(board: Evaluation, lang: string): RankRow[] {
  const results = resultsById(board);
  const place = (rank: number) => (rank > 0 ? rank : Number.MAX_SAFE_INTEGER);
  return sortedItems(board)
    .filter((item) => item.kind === 'two_scale')
    .map((item) => {
      const r = results.get(item.id);
      return {
        item,
        rank: r?.rank ?? 0,
        importance: meanAndSd(r?.mean ?? null, r?.sd ?? null, lang),
        competence: meanAndSd(r?.second_mean ?? null, r?.second_sd ?? null, lang),
        gap: formatMean(r?.gap ?? null, lang),
      };
    })
    .sort((a, b) => place(a.rank) - place(b.rank));
}

export type OpenResult = { item: EvalItem; texts: string[]; words: WordCount[] };

/** The open questions with their answers and their words, the most used word first. */
export function openResults(board: Evaluation): OpenResult[] {
  const results = resultsById(board);
  return sortedItems(board)
    .filter((item) => item.kind === 'open')
    .map((item) => {
      const r = results.get(item.id);
      return { item, texts: r?.texts ?? [], words: sortedWords(r?.words ?? []) };
    });
}

export function sortedWords(words: WordCount[]): WordCount[] {
  return [...words].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'fi'));
}

export type OverTimeCell = { mean: string; client: string; professional: string; share: number; hidden: boolean };
export type OverTimeLine = { text: string; cells: (OverTimeCell | null)[] };

/** Rows across the start, middle and end forms; items with no mean anywhere (open questions) are left out. */
export function overTimeLines(rows: OverTimeRow[], lang: string): OverTimeLine[] {
  return rows
    .filter((row) => row.cells.some((c) => c?.mean != null))
    .map((row) => ({ text: row.text, cells: row.cells.map((c) => (c ? overTimeCell(c, lang) : null)) }));
}

function overTimeCell(r: ItemResult, lang: string): OverTimeCell {
  return {
    mean: formatMean(r.mean, lang),
    client: formatMean(r.client_mean, lang),
    professional: formatMean(r.professional_mean, lang),
    share: Math.max(0, Math.min(1, (r.mean ?? 0) / 5)),
    hidden: r.count > 0 && (r.client_mean === null || r.professional_mean === null),
  };
}

/** What one respondent has chosen or written so far, per item. */
export type Draft = { value?: number; second?: number; text?: string };

/** The answers to send: unanswered items left out; a two-scale item with one scale chosen is incomplete. */
export function responsesOf(items: EvalItem[], drafts: ReadonlyMap<string, Draft>): { answers: Response[]; incomplete: EvalItem[] } {
  const answers: Response[] = [];
  const incomplete: EvalItem[] = [];
  for (const item of items) {
    const d = drafts.get(item.id);
    if (!d) continue;
    if (item.kind === 'open') {
      const text = d.text?.trim() ?? '';
      if (text) answers.push({ item: item.id, value: 0, second: null, text });
    } else if (item.kind === 'scale') {
      if (d.value !== undefined) answers.push({ item: item.id, value: d.value, second: null, text: '' });
    } else if (d.value !== undefined && d.second !== undefined) {
      answers.push({ item: item.id, value: d.value, second: d.second, text: '' });
    } else if (d.value !== undefined || d.second !== undefined) {
      incomplete.push(item);
    }
  }
  return { answers, incomplete };
}
