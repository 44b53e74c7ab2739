// The UI's one door to the core's types. Everything else imports from here, so
// when ts-rs regenerates `generated/` only this file may need to follow.
export type { WorkshopView } from './generated/WorkshopView';
export type { Meta } from './generated/Meta';
export type { Session } from './generated/Session';
export type { Step } from './generated/Step';
export type { Board } from './generated/Board';
export type { BoardKind } from './generated/BoardKind';
export type { Command } from './generated/Command';
export type { Outcome } from './generated/Outcome';
export type { Item } from './generated/Item';
export type { ItemType } from './generated/ItemType';
export type { Persona } from './generated/Persona';
export type { Phase } from './generated/Phase';
export type { Lane } from './generated/Lane';
export type { LaneRole } from './generated/LaneRole';
export type { PathCard } from './generated/PathCard';
export type { Endpoint } from './generated/Endpoint';
export type { Pos } from './generated/Pos';
export type { EndpointKind } from './generated/EndpointKind';
export type { ServicePathBoard } from './generated/ServicePathBoard';
