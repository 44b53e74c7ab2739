// The facilitation commands as the core's `Command`.
import type { Command, Outcome } from '../types';
import type { FacilCommand } from './planned';

export type Run = (cmd: Command) => Promise<Outcome>;

export const asCommand = (cmd: FacilCommand): Command => cmd as unknown as Command;
