// A browser participant's silent-writing drafts: kept in this browser's storage
// (never sent) until the facilitator reveals the round; then each is sent as
// `write_draft` with its id, which the hub publishes as the round says (anonymous or
// not), once even if sent again. A draft leaves the browser only when the hub has
// answered for it; one kept over a dropped connection or a reload goes out at the next
// reveal this page sees. The storage holds them sealed (XChaCha20-Poly1305) under a key
// the hub gives this person at each welcome and the page keeps in memory only: what the
// storage holds cannot be read without the hub, nor after the session.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/ciphers/utils.js';
import { parseDrafts, revealedDrafts } from '../facilitation/drafts';
import type { Draft, LocalView } from '../types';
import type { Command, Outcome, WorkshopView } from '../types';
import type { WorkshopCommands } from './workshop';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'paja.drafts';

/** The drafts in `store`, sealed under a key held in memory. Until the key is known
 * they are kept in memory too, and stored once it comes. */
export function sealedDrafts(store: Store) {
  let key: Uint8Array | null = null;
  let cache: Draft[] = [];
  const open = (k: Uint8Array): Draft[] | null => {
    const saved = store.getItem(KEY);
    if (saved === null) return [];
    try {
      const { n, c } = JSON.parse(saved) as { n: string; c: string };
      return parseDrafts(new TextDecoder().decode(xchacha20poly1305(k, hexToBytes(n)).decrypt(hexToBytes(c))));
    } catch {
      return null;
    }
  };
  const write = (drafts: Draft[]) => {
    cache = drafts;
    if (!key) return;
    if (drafts.length === 0) return store.removeItem(KEY);
    const nonce = randomBytes(24);
    const sealed = xchacha20poly1305(key, nonce).encrypt(utf8ToBytes(JSON.stringify(drafts)));
    store.setItem(KEY, JSON.stringify({ n: bytesToHex(nonce), c: bytesToHex(sealed) }));
  };
  const read = (): Draft[] => cache;
  /** Takes the hub's key: what the storage holds joins what this page wrote meanwhile;
   * what it cannot open (sealed for someone else, or an earlier session) is removed. */
  const unlock = (hex: string) => {
    key = hexToBytes(hex);
    const stored = open(key) ?? [];
    write([...stored, ...cache.filter((d) => !stored.some((s) => s.id === d.id))]);
  };
  return { read, write, unlock };
}

export type BrowserDrafts = WorkshopCommands & { unlock: (key: string) => void };

export function withBrowserDrafts(inner: WorkshopCommands, store: Store): BrowserDrafts {
  let sending = false;
  // The last view seen: until the hub answers, every lock in it counts.
  let last: WorkshopView | null = null;
  const { read, write, unlock } = sealedDrafts(store);
  const withDrafts = (local: LocalView): LocalView => ({ ...local, drafts: [...local.drafts, ...read()] });
  const seen = (view: WorkshopView) => {
    last = view;
    void publish(view);
    return view;
  };

  // The revealed anonymous round this page has told the hub it sent all its drafts for.
  let told: string | null = null;

  async function publish(view: WorkshopView): Promise<void> {
    const silent = view.control.silent;
    const due = revealedDrafts(view, read());
    const tell = !!silent?.revealed && silent.anonymous && told !== silent.board;
    if (sending || (due.length === 0 && !tell)) return;
    sending = true;
    try {
      for (const d of due) {
        await inner.execute({ cmd: 'write_draft', board: d.board, text: d.text, id: d.id });
        write(read().filter((x) => x.id !== d.id));
      }
      // So the hub, gathering everyone's cards for one batch, need not wait for ours.
      if (silent?.revealed && silent.anonymous) {
        await inner.execute({ cmd: 'drafts_sent', board: silent.board });
        told = silent.board;
      }
    } catch {
      // Kept: they go out when the connection is back and the page sees the reveal again.
    } finally {
      sending = false;
    }
  }

  /** Keeps a draft command here; answers the new id, null, or undefined for any other command. */
  function keep(command: Command): string | null | undefined {
    switch (command.cmd) {
      case 'write_draft': {
        const id = `draft-${bytesToHex(randomBytes(16))}`;
        write([...read(), { id, board: command.board, text: command.text }]);
        return id;
      }
      case 'edit_draft':
        write(read().map((d) => (d.id === command.id ? { ...d, text: command.text } : d)));
        return null;
      case 'delete_draft':
        write(read().filter((d) => d.id !== command.id));
        return null;
      default:
        return undefined;
    }
  }

  return {
    ...inner,
    unlock,
    workshopView: () => inner.workshopView().then(seen),
    execute: async (command): Promise<Outcome> => {
      const id = keep(command);
      return id === undefined ? inner.execute(command) : { id };
    },
    localView: async (): Promise<LocalView> => {
      const remote = await inner.localView().catch((): LocalView => ({ me: null, role: 'participant', drafts: [], votes_left: null, my_votes: [], cafe_station: null, locked: last?.control.locked ?? [] }));
      return withDrafts(remote);
    },
    onChanged: (listener) => inner.onChanged((view, local) => listener(seen(view), local && withDrafts(local))),
  };
}
