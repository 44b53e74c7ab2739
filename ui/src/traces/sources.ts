// What a "Mistä tämä tuli?" link can point at, and how links read both ways. Pure.
import { collections, itemsOf, type AnyItem } from '../boards/collections';
import type { Board, ItemType, Source, Trace, WorkshopView } from '../types';

/** The fields that name an item, in the order the core reads them. */
const LABEL_KEYS = ['name', 'title', 'term', 'text', 'question'];

/** Items that are structure or private answers, not content to come from. */
const NOT_SOURCES: ReadonlySet<ItemType> = new Set<ItemType>(['Vote', 'Answer', 'CausalLink', 'Lane', 'CafeGroup']);

export type SourceChoice = { id: string; itemType: ItemType; label: string };

/** The first field that names an item for a person; empty when none does. */
export function itemLabel(item: AnyItem): string {
  for (const key of LABEL_KEYS) {
    const value = item[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return '';
}

const byOrder = (a: AnyItem, b: AnyItem) => Number(a.order ?? 0) - Number(b.order ?? 0);

/** The named items of a board that can be a source, collection by collection, each in its order. */
export function sourceChoices(board: Board, except = ''): SourceChoice[] {
  return collections[board.kind]
    .filter(({ itemType }) => !NOT_SOURCES.has(itemType))
    .flatMap(({ key, itemType }) =>
      [...itemsOf(board, key)]
        .sort(byOrder)
        .filter((item) => item.id !== except)
        .map((item) => ({ id: item.id, itemType, label: itemLabel(item) }))
        .filter((choice) => choice.label !== ''),
    );
}

/** The boards that have something to point at, in the workshop's order. */
export function sourceBoards(view: WorkshopView, except = ''): Board[] {
  return [...view.boards]
    .filter((b) => !b.archived && sourceChoices(b, except).length > 0)
    .sort((a, b) => a.order - b.order);
}

/** Choices grouped by item type, for one <optgroup> each. */
export function groupedChoices(choices: SourceChoice[]): Array<{ itemType: ItemType; choices: SourceChoice[] }> {
  const groups: Array<{ itemType: ItemType; choices: SourceChoice[] }> = [];
  for (const choice of choices) {
    const last = groups[groups.length - 1];
    if (last?.itemType === choice.itemType) last.choices.push(choice);
    else groups.push({ itemType: choice.itemType, choices: [choice] });
  }
  return groups;
}

/** The links whose source is this item: where it was used. */
export function usedBy(traces: readonly Trace[], board: string, item: string): Trace[] {
  return traces.filter((tr) => tr.source.board_id === board && tr.source.item_id === item);
}

/** A source as it reads now: its fresh label from the traces query when there is one. */
export function freshSource(traces: readonly Trace[], board: string, item: string, source: Source): Source {
  if (source.broken) return source;
  const found = traces.find(
    (tr) =>
      tr.board_id === board &&
      tr.item_id === item &&
      tr.source.board_id === source.board_id &&
      tr.source.item_id === source.item_id,
  );
  return found ? found.source : source;
}

/** A board's title by id; empty when it is gone. */
export function boardTitle(view: WorkshopView, id: string): string {
  return view.boards.find((b) => b.id === id)?.title ?? '';
}
