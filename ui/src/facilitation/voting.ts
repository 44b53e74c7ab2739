// Dot voting as a participant sees it: dots left, and each idea's count only when
// the votes are open or revealed. Pure.
import type { LocalView, Voting, WorkshopView } from '../types';

/** The voting round on this board, if one runs. */
export function votingOn(view: WorkshopView, board: string): Voting | null {
  const voting = view.control.voting;
  return voting && voting.board === board ? voting : null;
}

/** Whether the counts may be shown: open voting, or hidden voting after the reveal. */
export function countsShown(voting: Voting | null): boolean {
  return !voting || !voting.hidden || voting.revealed;
}

/** How many of my dots are on this idea (kept in my core's memory only). */
export function myDotsOn(local: LocalView | null, idea: string): number {
  return local?.my_votes.filter((v) => v === idea).length ?? 0;
}

/** Dots left to give: the core's count, or the whole budget before it answers. */
export function dotsLeft(local: LocalView | null, voting: Voting): number {
  return local?.votes_left ?? voting.budget;
}
