// Written by hand to match the core's JSON until ts-rs generates this folder
// from the Rust types (`paja::model`). Generated files will replace these.
import type { Meta } from './Meta';
import type { Session } from './Session';
import type { Board } from './Board';
import type { Comment } from './Comment';

export type WorkshopView = {
  format: number;
  meta: Meta;
  sessions: Array<Session>;
  boards: Array<Board>;
  comments: Array<Comment>;
  /** Facilitator-only session state; not read by this page yet. */
  control: unknown;
};
