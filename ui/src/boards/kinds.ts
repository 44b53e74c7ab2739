// Narrow a board to one kind, so an editor sees exactly its own fields.
import type { Board, BoardKind } from '../types';

export type BoardOf<K extends BoardKind> = Extract<Board, { kind: K }>;

/** The board as kind `K`, or null when it is another kind. */
export function boardOf<K extends BoardKind>(board: Board, kind: K): BoardOf<K> | null {
  return board.kind === kind ? (board as BoardOf<K>) : null;
}
