// The UI's only way to the core. Components receive a `Backend` and never know
// whether it is Tauri IPC, WebSocket RPC or a test double.
import { sessionCommands, type SessionCommands } from './session';
import { inTauri, tauriTransport } from './tauri';
import type { Transport } from './transport';
import { rpcUrl, WebSocketTransport } from './websocket';
import { workshopCommands, type WorkshopCommands } from './workshop';

export { BackendError } from './transport';

/** Every command domain, one interface each. Only the desktop window hosts and joins. */
export type Backend = WorkshopCommands & { session?: SessionCommands };

export function backendOver(transport: Transport): Backend {
  return { ...workshopCommands(transport) };
}

/** Tauri IPC inside the desktop window, WebSocket RPC to the hub in a browser. */
export function defaultBackend(): Backend {
  if (inTauri()) return { ...backendOver(tauriTransport), session: sessionCommands(tauriTransport) };
  return backendOver(new WebSocketTransport(rpcUrl(window.location)));
}
