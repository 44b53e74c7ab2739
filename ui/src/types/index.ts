// The UI's one door to the core's types. Everything else imports from here, so
// when ts-rs regenerates `generated/` only this file may need to follow.
export type { WorkshopView } from './generated/WorkshopView';
export type { Meta } from './generated/Meta';
export type { Session } from './generated/Session';
export type { Step } from './generated/Step';
export type { Board } from './generated/Board';
export type { BoardKind } from './generated/BoardKind';
