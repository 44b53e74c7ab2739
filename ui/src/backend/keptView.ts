// The workshop as this page holds it: fetched whole once, then kept up to date by
// the changes the core pushes (`changed`), each applied with `applyChange` so that
// what did not change stays the same object. A browser's push also carries its
// local view when that changed (null: as it was); the window's carries only the change.
import type { LocalView, ViewChange, WorkshopView } from '../types';
import type { Transport } from './transport';
import { applyChange } from './viewChange';

/** `local`: this person's new local view; null when it is as it was; undefined when
 * the change does not say (the window's, or a whole view fetched again). */
export type ViewListener = (view: WorkshopView, local?: LocalView | null) => void;

/** What `changed` brings: the browser's `{ change, local }`, or the window's bare change. */
type Pushed = { change: ViewChange; local?: LocalView | null } | ViewChange;

export function keptView(transport: Transport) {
  let view: WorkshopView | null = null;
  let fetching: Promise<WorkshopView> | null = null;
  // Changes heard while the whole view is on its way: applied to it when it comes.
  // An item change applied again only replaces the item with what it already is.
  let heard: ViewChange[] = [];
  let heardLocal: LocalView | null = null;
  const listeners = new Set<ViewListener>();
  let stopTransport: (() => void) | null = null;

  let applied: Array<() => void> = [];
  const tell = (next: WorkshopView, local: LocalView | null | undefined) => {
    for (const listener of listeners) listener(next, local);
    const waiting = applied;
    applied = [];
    for (const done of waiting) done();
  };

  function fetchWhole(): Promise<WorkshopView> {
    fetching ??= transport.call<WorkshopView>('workshop_view').then(
      (whole) => {
        view = heard.reduce<WorkshopView>((v, c) => applyChange(v, c), whole);
        const local = heardLocal;
        heard = [];
        heardLocal = null;
        fetching = null;
        if (local) tell(view, local);
        return view;
      },
      (err: unknown) => {
        heard = [];
        heardLocal = null;
        fetching = null;
        throw err;
      },
    );
    return fetching;
  }

  function receive(pushed: Pushed): void {
    const { change, local } = 'change' in pushed ? pushed : { change: pushed, local: undefined };
    if (fetching && !change.complete) {
      heard.push(change);
      heardLocal = local ?? heardLocal;
      return;
    }
    if (!view && !change.complete) {
      fetchWhole().then((v) => tell(v, local), () => undefined);
      return;
    }
    view = applyChange(view, change);
    tell(view, local);
  }

  /** Back after a dropped connection: what changed meanwhile comes as one whole view. */
  function resync(): void {
    fetchWhole().then((v) => tell(v, undefined), () => undefined);
  }

  return {
    /** The whole view, fetched now (a page opening, or a workshop opened anew). */
    fetch: fetchWhole,
    /** Resolves once the next change has reached the listeners, or after `ms` if none
     * comes (a command that changed nothing); at once when nobody listens. */
    nextChange(ms: number): Promise<void> {
      if (listeners.size === 0) return Promise.resolve();
      return new Promise<void>((done) => {
        const timer = setTimeout(done, ms);
        applied.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    },
    listen(listener: ViewListener): () => void {
      listeners.add(listener);
      if (!stopTransport) {
        const stopChanged = transport.listen('changed', (p) => receive(p as Pushed));
        const stopBack = transport.listen('reconnected', resync);
        stopTransport = () => {
          stopChanged();
          stopBack();
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopTransport) {
          stopTransport();
          stopTransport = null;
        }
      };
    },
  };
}
