// Whether this page was opened from the room's join link (`…/join?code=C`), and
// the name this browser tab already joined with. Pure apart from the storage given.
type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The join code in the page's address, if any. */
export function joinCode(search: string): string | null {
  const code = new URLSearchParams(search).get('code');
  return code && code.trim() ? code.trim() : null;
}

/** A token in the page's address (a co-facilitator's link), if any. */
export function joinToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token && token.trim() ? token.trim() : null;
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

const tokenKey = (code: string) => `paja.token.${code}`;

/** The token the hub welcomed this tab with, to come back as the same person. */
export function welcomedToken(store: Store, code: string): string | null {
  return store.getItem(tokenKey(code));
}

export function rememberToken(store: Store, code: string, token: string): void {
  store.setItem(tokenKey(code), token);
}
