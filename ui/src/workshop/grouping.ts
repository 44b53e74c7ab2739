// Pure ordering and grouping of the projection for the workshop page. No React.
import type { Board, Session, Step, WorkshopView } from '../types';

export type BoardGroup = {
  /** The session these boards belong to; `null` for boards of the whole workshop. */
  session: Session | null;
  boards: Board[];
};

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

export function sortedSessions(view: WorkshopView): Session[] {
  return [...view.sessions].sort(byOrder);
}

export function sortedSteps(session: Session): Step[] {
  return [...session.steps].sort(byOrder);
}

/**
 * Boards that are not archived, grouped by session in session order, each group
 * in board order. Boards with no session, or whose session no longer exists,
 * form one last group for the whole workshop. Empty groups are left out.
 */
export function boardGroups(view: WorkshopView): BoardGroup[] {
  const sessions = sortedSessions(view);
  const known = new Set(sessions.map((s) => s.id));
  const live = view.boards.filter((b) => !b.archived).sort(byOrder);
  const groups: BoardGroup[] = sessions.map((session) => ({
    session,
    boards: live.filter((b) => b.session_id === session.id),
  }));
  groups.push({
    session: null,
    boards: live.filter((b) => b.session_id === null || !known.has(b.session_id)),
  });
  return groups.filter((g) => g.boards.length > 0);
}

/** Archived boards, in board order: shown apart, where they can be restored. */
export function archivedBoards(view: WorkshopView): Board[] {
  return view.boards.filter((b) => b.archived).sort(byOrder);
}
