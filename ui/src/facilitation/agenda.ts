// The session agenda as one line of steps the facilitator walks through. Pure.
import { sortedSessions, sortedSteps } from '../workshop/grouping';
import type { Session, Step, WorkshopView } from '../types';

export type AgendaStep = { session: Session; step: Step };

/** The steps of the current session (or the first session), in order. */
export function agendaSteps(view: WorkshopView): AgendaStep[] {
  const sessions = sortedSessions(view);
  const session = sessions.find((s) => s.id === view.control.current_session) ?? sessions[0];
  return session ? sortedSteps(session).map((step) => ({ session, step })) : [];
}

/** Where the room is in that line: -1 before the first step. */
export function agendaIndex(view: WorkshopView): number {
  return agendaSteps(view).findIndex((a) => a.step.id === view.control.current_step);
}

/** The step `delta` away from the current one, or null past either end. */
export function stepBeside(view: WorkshopView, delta: number): AgendaStep | null {
  return agendaSteps(view)[agendaIndex(view) + delta] ?? null;
}
