// How this page was opened: the join link's fragment (`#code=C&key=K`, or a
// co-facilitator's `#lead=K`), kept for this tab, and the name this tab already joined
// with. A fragment is never sent by a browser. Pure apart from the storage given.
type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The secrets a link brought: the room's code and key, or a co-facilitator's key. */
export type Link = { code?: string; key?: string; lead?: string };

const linkKey = 'paja.link';

/** Splits `#code=C&key=K#/board/x` into the link and the route (`#/board/x`); a hash
 * that is only a route has no link. */
export function splitLink(hash: string): { link: Link | null; route: string } {
  const [first = '', ...rest] = hash.replace(/^#/, '').split('#');
  if (first === '' || first.startsWith('/')) return { link: null, route: hash };
  const params = new URLSearchParams(first);
  const link: Link = {};
  for (const name of ['code', 'key', 'lead'] as const) {
    const value = params.get(name)?.trim();
    if (value) link[name] = name === 'code' ? value.toUpperCase() : value;
  }
  return { link: Object.keys(link).length ? link : null, route: `#${rest.join('#') || '/'}` };
}

/** Takes a link out of the address (kept in this tab's storage) and returns the
 * link this tab holds. Called at load and on every hash change. */
export function takeLink(location: Pick<Location, 'hash'>, history: Pick<History, 'replaceState'>, store: Store): Link | null {
  const { link, route } = splitLink(location.hash);
  if (link) {
    store.setItem(linkKey, JSON.stringify(link));
    history.replaceState(null, '', route);
  }
  const kept = store.getItem(linkKey);
  return kept ? (JSON.parse(kept) as Link) : null;
}

const key = (code: string) => `paja.join.${code}`;
const observeKey = (code: string) => `paja.observe.${code}`;

export type Joined = { name: string; observer: boolean };

/** The name this tab joined with, and whether only to follow (an observer). */
export function joinedAs(store: Store, code: string): Joined | null {
  const name = store.getItem(key(code));
  return name ? { name, observer: store.getItem(observeKey(code)) === 'yes' } : null;
}

export function rememberJoin(store: Store, code: string, joined: Joined): void {
  store.setItem(key(code), joined.name);
  store.setItem(observeKey(code), joined.observer ? 'yes' : 'no');
}

/** After a refusal: this tab joins again from the join page, as someone new. */
export function forgetJoin(store: Pick<Storage, 'removeItem'>, code: string): void {
  for (const k of [key(code), observeKey(code), tokenKey(code)]) store.removeItem(k);
}

const tokenKey = (code: string) => `paja.token.${code}`;

/** The token the hub welcomed this tab with, to come back as the same person. */
export function welcomedToken(store: Store, code: string): string | null {
  return store.getItem(tokenKey(code));
}

export function rememberToken(store: Store, code: string, token: string): void {
  store.setItem(tokenKey(code), token);
}
