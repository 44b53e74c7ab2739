// What a trace panel needs from the board it sits on: the board, the whole
// workshop (to pick a source from any board) and `run`. An editor provides it.
import { createContext, useContext } from 'react';
import type { Command, Outcome, WorkshopView } from '../types';

export type TraceScope = { board: string; view: WorkshopView; run: (cmd: Command) => Promise<Outcome> };

export const TraceScopeContext = createContext<TraceScope | null>(null);

export function useTraceScope(): TraceScope | null {
  return useContext(TraceScopeContext);
}
