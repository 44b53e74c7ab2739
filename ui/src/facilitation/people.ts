// Who is who in the room: the roster in the control document and this person's
// own place in it. Pure.
import type { LocalView, Person, WorkshopView } from '../types';

export function isFacilitator(local: LocalView | null): boolean {
  return local?.role === 'facilitator';
}

/** This person's roster entry, if the facilitator's list has them. */
export function myPerson(view: WorkshopView, local: LocalView | null): Person | null {
  if (!local?.me) return null;
  return view.control.people.find((p) => p.id === local.me) ?? null;
}

/** Is this id (a board or an item) locked, and does the lock apply to me? */
export function lockedForMe(view: WorkshopView, local: LocalView | null, id: string): boolean {
  return !isFacilitator(local) && view.control.locked.includes(id);
}

/** Observers follow the session without writing. */
export function isObserver(local: LocalView | null): boolean {
  return local?.role === 'observer';
}
