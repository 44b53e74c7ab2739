// The UI's one door to the core's types. Everything else imports from here, so
// when ts-rs regenerates `generated/` only this file may need to follow.
export type { WorkshopView } from './generated/WorkshopView';
export type { WorkshopMeta } from './generated/WorkshopMeta';
export type { SessionView } from './generated/SessionView';
export type { StepView } from './generated/StepView';
export type { BoardView } from './generated/BoardView';
export type { BoardKind } from './generated/BoardKind';
