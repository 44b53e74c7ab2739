// What the live session shares with every screen: this person's local view
// (role, drafts, own dots), where they are (board, selection, viewport), and
// the facilitator's view to follow. Boards read it; only the App writes it.
import { createContext, useContext } from 'react';
import type { Follow, LocalView } from '../types';

export type Viewport = { x: number; y: number; zoom: number };

export type Here = {
  /** The open board, or null on the workshop home. */
  board: string | null;
  selected: ReadonlySet<string>;
};

export type SessionState = {
  local: LocalView | null;
  here: Here;
  setHere(here: Here): void;
  /** The React Flow viewport this person last settled on. */
  viewport: { current: Viewport | null };
  /** The facilitator's viewport to follow on this board, when Follow is on and I am not the facilitator. */
  follow: Follow | null;
  /** The item the facilitator spotlights, for boards to centre on. */
  spotlight: string | null;
};

export const SessionContext = createContext<SessionState>({
  local: null,
  here: { board: null, selected: new Set() },
  setHere: () => undefined,
  viewport: { current: null },
  follow: null,
  spotlight: null,
});

export function useSession(): SessionState {
  return useContext(SessionContext);
}
