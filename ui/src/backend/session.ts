// Commands about the live session: only the desktop window hosts and joins, so only
// the Tauri transport has them; in a browser `Backend.session` is undefined.
import type { Transport } from './transport';
import type { FoundHub, Hosting, LiveStatus, SavedRelay } from '../types';

export interface SessionCommands {
  /** Shares the open workshop on the room's network; this person facilitates. */
  host(name: string, autoAdmit: boolean): Promise<Hosting>;
  /** Joins from a `paja://` link or `host:port`, with the join code and the name others see;
   * an observer only follows. */
  join(link: string, code: string, name: string, observer: boolean): Promise<LiveStatus>;
  /** Stops sharing or leaves, back to the own file. */
  leave(): Promise<LiveStatus>;
  status(): Promise<LiveStatus>;
  admit(id: number): Promise<boolean>;
  deny(id: number): Promise<boolean>;
  /** Removes a person (by roster id): their token stops working and they are dropped at once. */
  removePerson(person: string): Promise<boolean>;
  setAutoAdmit(on: boolean): Promise<void>;
  /** Tells the others which board this person has open (null: the workshop's home). */
  setPresence(board: string | null): Promise<void>;
  /** Hubs advertised on the room's network. */
  findHubs(): Promise<FoundHub[]>;
  /** The relay to the region's server as kept in the shared workshop's file (never its token). */
  relaySettings(): Promise<SavedRelay | null>;
  /** Relays the shared workshop to a server (an empty token: the one kept), and keeps the settings. */
  connectRelay(url: string, token: string, workshop: string): Promise<LiveStatus>;
  /** Stops relaying; the settings stay for the next time. */
  disconnectRelay(): Promise<LiveStatus>;
  /** Calls `listener` whenever the status changes: connection, people, presence, lobby. */
  onStatus(listener: (status: LiveStatus) => void): () => void;
}

export function sessionCommands(transport: Transport): SessionCommands {
  return {
    host: (name, autoAdmit) => transport.call<Hosting>('host_session', { name, autoAdmit }),
    join: (link, code, name, observer) => transport.call<LiveStatus>('join_session', { link, code, name, observer }),
    leave: () => transport.call<LiveStatus>('leave_session'),
    status: () => transport.call<LiveStatus>('session_status'),
    admit: (id) => transport.call<boolean>('admit', { id }),
    deny: (id) => transport.call<boolean>('deny', { id }),
    removePerson: (person) => transport.call<boolean>('remove_person', { person }),
    setAutoAdmit: (on) => transport.call<void>('set_auto_admit', { on }),
    setPresence: (board) => transport.call<void>('set_presence', { board }),
    findHubs: () => transport.call<FoundHub[]>('find_hubs'),
    relaySettings: () => transport.call<SavedRelay | null>('relay_settings'),
    connectRelay: (url, token, workshop) => transport.call<LiveStatus>('connect_relay', { url, token, workshop }),
    disconnectRelay: () => transport.call<LiveStatus>('disconnect_relay'),
    onStatus: (listener) => transport.listen('session://status', (status) => listener(status as LiveStatus)),
  };
}
