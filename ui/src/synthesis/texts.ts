// What each groupable note says, for showing a suggestion's members. Pure.
import type { Board, BoardKind } from '../types';

export const groupableKinds: readonly BoardKind[] = ['cafe', 'idea_wall', 'free'];

export function isGroupable(kind: BoardKind): boolean {
  return groupableKinds.includes(kind);
}

/** Each café note, idea or free card by id, as one line of text. */
export function itemTexts(board: Board): Map<string, string> {
  switch (board.kind) {
    case 'cafe':
      return new Map(board.notes.map((n) => [n.id, n.text]));
    case 'idea_wall':
      return new Map(board.ideas.map((i) => [i.id, [i.name, i.what].filter(Boolean).join(': ')]));
    case 'free':
      return new Map(board.cards.map((c) => [c.id, c.text]));
    default:
      return new Map();
  }
}

/** A group's first name, from a note's opening words. */
export function labelFrom(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 4).join(' ');
  return words.length > 40 ? `${words.slice(0, 39)}…` : words;
}
