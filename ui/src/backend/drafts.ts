// A browser participant's silent-writing drafts: kept in this browser's storage
// (never sent) until the facilitator reveals the round; then each is sent once as
// `write_draft`, which the hub publishes as the round says (anonymous or not).
// Drafts written before a reload or a dropped connection go out at the next reveal
// this page sees, so nothing written is lost.
import { parseDrafts, revealedDrafts } from '../facilitation/drafts';
import type { Draft, LocalView } from '../types';
import type { Command, Outcome, WorkshopView } from '../types';
import type { WorkshopCommands } from './workshop';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'paja.drafts';

export function withBrowserDrafts(inner: WorkshopCommands, store: Store): WorkshopCommands {
  let sending = false;
  // The last view seen: until the hub answers, every lock in it counts.
  let last: WorkshopView | null = null;
  const read = () => parseDrafts(store.getItem(KEY));
  const write = (drafts: Draft[]) => store.setItem(KEY, JSON.stringify(drafts));
  const withDrafts = (local: LocalView): LocalView => ({ ...local, drafts: [...local.drafts, ...read()] });
  const seen = (view: WorkshopView) => {
    last = view;
    void publish(view);
    return view;
  };

  async function publish(view: WorkshopView): Promise<void> {
    const due = revealedDrafts(view, read());
    if (sending || due.length === 0) return;
    sending = true;
    try {
      for (const d of due) {
        await inner.execute({ cmd: 'write_draft', board: d.board, text: d.text });
        write(read().filter((x) => x.id !== d.id));
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
        const id = `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
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
