// The desktop window's open workshop as React state (see desktop.ts).
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { FileCommands } from '../backend/files';
import { Desktop, type DesktopSnapshot } from './desktop';

export type DesktopState = { desktop: Desktop; now: DesktopSnapshot };

/** The Desktop and its snapshot, or null in a browser (no files). */
export function useDesktop(files: FileCommands | undefined, onOpened: () => void): DesktopState | null {
  const desktop = useMemo(() => (files ? new Desktop(files) : null), [files]);
  const navigate = useRef(onOpened);
  navigate.current = onOpened;
  useEffect(() => desktop?.start(() => navigate.current()), [desktop]);
  const subscribe = useCallback((listener: () => void) => desktop?.subscribe(listener) ?? (() => undefined), [desktop]);
  const now = useSyncExternalStore(subscribe, () => desktop?.snapshot ?? null);
  return desktop && now ? { desktop, now } : null;
}
