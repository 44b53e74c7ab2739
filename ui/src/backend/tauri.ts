// Tauri IPC: the desktop window. The only file that imports @tauri-apps/api.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { toBackendError, type Args, type Transport } from './transport';

export const tauriTransport: Transport = {
  async call<T>(cmd: string, args?: Args): Promise<T> {
    try {
      return await invoke<T>(cmd, args);
    } catch (err) {
      throw toBackendError(err);
    }
  },
  listen(name, listener) {
    // Events are namespaced by domain: `changed` is `workshop://changed`; other
    // domains name theirs in full (`session://status`).
    const stop = listen(name.includes('://') ? name : `workshop://${name}`, (event) => listener(event.payload));
    return () => {
      stop.then((unlisten) => unlisten()).catch(() => undefined);
    };
  },
};

/** True inside the Tauri webview, where the IPC bridge is injected. */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}
