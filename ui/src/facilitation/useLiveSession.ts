// The live session's state for the App: this person's local view (pushed with each
// change in a browser, asked for after each change in the window), where they are, and the moves the facilitator makes for everyone —
// "bring everyone here" and a café round — which take a participant to that board.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Backend } from '../backend';
import type { Route } from '../route';
import type { LocalView, WorkshopView } from '../types';
import type { Here, SessionState, Viewport } from './context';
import { isFacilitator } from './people';

export function useLiveSession(
  backend: Backend,
  view: WorkshopView | null,
  route: Route,
  go: (route: Route) => void,
): { session: SessionState; refreshLocal: () => void; setLocal: (local: LocalView) => void } {
  const [local, setLocal] = useState<LocalView | null>(null);
  const [here, setHere] = useState<Here>({ board: null, selected: new Set() });
  const viewport = useRef<Viewport | null>(null);
  const refreshLocal = useCallback(() => {
    backend.localView().then(setLocal, () => undefined);
  }, [backend]);

  const led = view && !isFacilitator(local) ? view.control : null;
  const onBoard = route.screen === 'board' ? route.id : null;
  const follow = led?.follow ?? null;
  useEffect(() => {
    if (follow && follow.board !== onBoard) go({ screen: 'board', id: follow.board });
  }, [follow?.board, onBoard]); // eslint-disable-line react-hooks/exhaustive-deps
  const cafe = led?.cafe ?? null;
  useEffect(() => {
    if (cafe && cafe.board !== onBoard) go({ screen: 'board', id: cafe.board });
  }, [cafe?.board, cafe?.round]); // eslint-disable-line react-hooks/exhaustive-deps

  const spotlight = view?.control.spotlight ?? null;
  const session = useMemo<SessionState>(
    () => ({ local, here, setHere, viewport, follow: follow && follow.board === onBoard ? follow : null, spotlight }),
    [local, here, follow, onBoard, spotlight],
  );
  return { session, refreshLocal, setLocal };
}
