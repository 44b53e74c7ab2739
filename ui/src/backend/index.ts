// The UI's only way to the core. Components receive a `Backend` and never know
// whether it is Tauri IPC, WebSocket RPC or a test double.
import { rememberToken, welcomedToken } from '../facilitation/joining';
import { withBrowserDrafts } from './drafts';
import { exportCommands, type ExportCommands } from './export';
import { fileCommands, type FileCommands } from './files';
import { sessionCommands, type SessionCommands } from './session';
import { inTauri, tauriTransport } from './tauri';
import type { Transport } from './transport';
import { ChannelSocket, rpcUrl, WebSocketTransport, type ChannelJoin } from './websocket';
import { versionCommands, type VersionCommands } from './versions';
import { workshopCommands, type WorkshopCommands } from './workshop';

export { BackendError, toBackendError } from './transport';
import { BackendError } from './transport';

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

/** How a browser joins: a participant (or an observer) with the room's code (and the
 * join link's key, when they came by the link) and the name they gave, or a
 * co-facilitator by the lead link's key. Every secret stays in the page: it is proved
 * through the channel, never sent. */
export type BrowserJoin = { code: string; key?: string; name: string; observer?: boolean } | { lead: string };

/** What one connection proves and says first: after a welcome, the token, as the same person. */
export function channelJoin(join: BrowserJoin, token: string | null): ChannelJoin {
  if ('lead' in join) return { secret: 'l', password: join.lead, first: { name: '' } };
  const first = token ? { token } : { name: join.name, observer: join.observer ?? false };
  return join.key ? { secret: 'k', password: join.key, first } : { secret: 'c', password: join.code, first };
}

/** Tauri IPC inside the desktop window, WebSocket RPC to the hub in a browser
 * (where silent-writing drafts stay in the browser until the reveal). */
export function defaultBackend(join?: BrowserJoin, onRefused?: (err: BackendError) => void): Backend {
  if (inTauri()) {
    const t = tauriTransport;
    const desktop = { session: sessionCommands(t), files: fileCommands(t), exports: exportCommands(t), versions: versionCommands(t) };
    return { ...backendOver(t), ...desktop };
  }
  if (!join) throw new Error('A browser needs the join code or a link.');
  const code = 'code' in join ? join.code : null;
  const transport = new WebSocketTransport(rpcUrl(window.location), (url) =>
    new ChannelSocket(url, channelJoin(join, code ? welcomedToken(sessionStorage, code) : null)),
  );
  if (onRefused) {
    transport.listen('refused', (r) => {
      const { code: reason, reason: message } = r as { code?: string; reason?: string };
      onRefused(new BackendError((reason ?? 'sync_refused') as BackendError['code'], message ?? ''));
    });
  }
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
