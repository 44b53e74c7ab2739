// Silent-writing drafts kept by a browser participant (in the browser's own
// storage) until the facilitator reveals the round. Pure.
import type { Draft, WorkshopView } from '../types';

/** The drafts the reveal now lets out: those of a revealed round's board. */
export function revealedDrafts(view: WorkshopView, drafts: readonly Draft[]): Draft[] {
  const silent = view.control.silent;
  if (!silent?.revealed) return [];
  return drafts.filter((d) => d.board === silent.board);
}

export function parseDrafts(text: string | null): Draft[] {
  try {
    const list: unknown = JSON.parse(text ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.filter(
      (d): d is Draft => typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.board === 'string' && typeof d.text === 'string',
    );
  } catch {
    return [];
  }
}
