// Moving a session or an agenda step one place up or down. Each keeps its place
// by an `order` number, so a move is one change: the moved one gets a number
// between its new neighbours. Pure.

type Ordered = { order: number };

/**
 * The new `order` for the entry at `index` of `sorted` (sorted by order) moved one
 * place up (`by = -1`) or down (`by = 1`); null when it is already first or last.
 */
export function movedOrder(sorted: readonly Ordered[], index: number, by: -1 | 1): number | null {
  const neighbour = sorted[index + by];
  if (!neighbour || !sorted[index]) return null;
  const beyond = sorted[index + 2 * by];
  if (!beyond) return neighbour.order + by;
  if (beyond.order === neighbour.order) return neighbour.order + by / 2;
  return (neighbour.order + beyond.order) / 2;
}

/** Lines of a text area as a list: trimmed, empty lines left out. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Minutes as typed: empty is "not set" (null), a whole number ≥ 0 is kept, anything else is wrong (undefined). */
export function parseMinutes(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,4}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
