// Written by hand to match the core's JSON until ts-rs generates this folder
// from the Rust types (`paja::model`). Generated files will replace these.
import type { WorkshopMeta } from './WorkshopMeta';
import type { SessionView } from './SessionView';
import type { BoardView } from './BoardView';
import type { CommentView } from './CommentView';

export type WorkshopView = {
  meta: WorkshopMeta;
  sessions: Array<SessionView>;
  boards: Array<BoardView>;
  comments: Array<CommentView>;
};
