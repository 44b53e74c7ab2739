// The UI's only way to the core. Components receive a `Backend` and never know
// whether it is Tauri IPC, WebSocket RPC or a test double.
import { rememberToken, welcomedToken } from '../facilitation/joining';
import { withBrowserDrafts } from './drafts';
import { exportCommands, type ExportCommands } from './export';
import { fileCommands, type FileCommands } from './files';
import { sessionCommands, type SessionCommands } from './session';
import { inTauri, tauriTransport } from './tauri';
import type { Transport } from './transport';
import { rpcUrl, WebSocketTransport } from './websocket';
import { versionCommands, type VersionCommands } from './versions';
import { workshopCommands, type WorkshopCommands } from './workshop';

export { BackendError, toBackendError } from './transport';

/** Every command domain, one interface each. Only the desktop window hosts and joins,
 * opens files, writes exports and keeps named versions. */
export type Backend = WorkshopCommands & {
  session?: SessionCommands;
  files?: FileCommands;
  exports?: ExportCommands;
  versions?: VersionCommands;
};

export function backendOver(transport: Transport): Backend {
  return { ...workshopCommands(transport) };
}

/** How a browser joins: a participant (or an observer) with the room's code and the
 * name they gave, or someone the hub already knows, by their token (a co-facilitator's link). */
export type BrowserJoin = { code: string; name: string; observer?: boolean } | { token: string };

/** Tauri IPC inside the desktop window, WebSocket RPC to the hub in a browser
 * (where silent-writing drafts stay in the browser until the reveal). */
export function defaultBackend(join?: BrowserJoin): Backend {
  if (inTauri()) {
    const t = tauriTransport;
    const desktop = { session: sessionCommands(t), files: fileCommands(t), exports: exportCommands(t), versions: versionCommands(t) };
    return { ...backendOver(t), ...desktop };
  }
  // Once welcomed, a participant comes back (after a drop) with the hub's token, as the same person.
  const code = join && 'code' in join ? join.code : null;
  const again = () => (code ? welcomedToken(sessionStorage, code) : null);
  const transport = new WebSocketTransport(() => {
    const token = again();
    return rpcUrl(window.location, token ? { token } : join);
  });
  if (code) {
    transport.listen('welcome', (w) => {
      const token = (w as { token?: unknown }).token;
      if (typeof token === 'string' && token) rememberToken(sessionStorage, code, token);
    });
  }
  const backend = withBrowserDrafts(backendOver(transport), window.localStorage);
  transport.listen('welcome', (w) => {
    const key = (w as { drafts_key?: unknown }).drafts_key;
    if (typeof key === 'string' && key) backend.unlock(key);
  });
  return backend;
}

export { inTauri };
