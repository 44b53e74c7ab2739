// Evaluation results → rows to show. The core computes the means and leaves a
// group's mean out when too few answered; this only formats. Pure.
import type { EvalItem } from '../../types';
import type { BoardOf } from '../kinds';

export type Evaluation = BoardOf<'evaluation'>;

export const scale = [1, 2, 3, 4, 5] as const;

export type ResultRow = { item: EvalItem; count: number; mean: string; client: string; professional: string };

/** A mean with one decimal in the language's style (3,5 in Finnish); a dash when hidden. */
export function formatMean(mean: number | null, lang: string): string {
  if (mean === null) return '–';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}

export function sortedItems(board: Evaluation): EvalItem[] {
  return [...board.items].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function resultRows(board: Evaluation, lang: string): ResultRow[] {
  const results = new Map(board.results.map((r) => [r.item_id, r]));
  return sortedItems(board).map((item) => {
    const r = results.get(item.id);
    return {
      item,
      count: r?.count ?? 0,
      mean: formatMean(r?.mean ?? null, lang),
      client: formatMean(r?.client_mean ?? null, lang),
      professional: formatMean(r?.professional_mean ?? null, lang),
    };
  });
}
