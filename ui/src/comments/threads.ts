// Comments as threads: a comment that starts one (on a board, or on an item of
// it) and the replies to it, oldest first. Pure; no React.
import { allItems } from '../boards/collections';
import { titleOf } from '../boards/listing';
import type { Board, Comment, WorkshopView } from '../types';

export type Thread = { comment: Comment; replies: Comment[] };

const byTime = (a: Comment, b: Comment) => a.created_at.localeCompare(b.created_at);

/** Every thread in `comments`; a reply whose comment is gone starts its own thread. */
export function threads(comments: readonly Comment[]): Thread[] {
  const ids = new Set(comments.map((c) => c.id));
  const starts = comments.filter((c) => !c.reply_to || !ids.has(c.reply_to)).sort(byTime);
  return starts.map((comment) => ({
    comment,
    replies: comments.filter((c) => c.reply_to === comment.id).sort(byTime),
  }));
}

/** The threads on one board's item, or on the board itself when `target` is empty. */
export function threadsOn(comments: readonly Comment[], board: string, target: string): Thread[] {
  return threads(comments.filter((c) => c.board_id === board && c.target_id === target));
}

/** How many comments (replies included) are about this item, or about the board itself. */
export function commentCount(comments: readonly Comment[], board: string, target: string): number {
  return comments.filter((c) => c.board_id === board && c.target_id === target).length;
}

/** How many comments each item of a board has (items with none left out). */
export function countsOn(comments: readonly Comment[], board: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.board_id === board && c.target_id) counts.set(c.target_id, (counts.get(c.target_id) ?? 0) + 1);
  }
  return counts;
}

export type BoardThreads = { board: Board; threads: Thread[] };

/** The open (unresolved) threads of each board that has any, in board order. */
export function openThreadsByBoard(view: WorkshopView, boards: readonly Board[] = view.boards): BoardThreads[] {
  return [...boards]
    .sort((a, b) => a.order - b.order)
    .map((board) => ({
      board,
      threads: threads(view.comments.filter((c) => c.board_id === board.id)).filter((t) => !t.comment.resolved),
    }))
    .filter((entry) => entry.threads.length > 0);
}

/** What a comment is about, in words: the item's title, or null for the board itself. */
export function targetName(board: Board, target: string): string | null {
  if (!target) return null;
  const found = allItems(board).find(({ item }) => item.id === target);
  return found ? titleOf(found.item) || target : target;
}

/** A new comment, or a reply to `replyTo`: the core fills the author in a live session. */
export function newComment(board: string, target: string, text: string, replyTo = ''): Comment {
  return {
    id: '',
    board_id: board,
    target_id: target,
    text: text.trim(),
    author: '',
    created_at: new Date().toISOString(),
    reply_to: replyTo,
    resolved: false, round: 0,
  };
}
