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

/** Is this id (a board or an item) locked for me? The core says who a lock stops; until
 *  it has said, every lock counts. */
export function lockedForMe(view: WorkshopView, local: LocalView | null, id: string): boolean {
  return (local?.locked ?? view.control.locked).includes(id);
}

/** Observers follow the session without writing. */
export function isObserver(local: LocalView | null): boolean {
  return local?.role === 'observer';
}
