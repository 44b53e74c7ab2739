// Tauri IPC: the desktop window. The only file that imports @tauri-apps/api.
import { invoke } from '@tauri-apps/api/core';
import { toBackendError, type Args, type Transport } from './transport';

export const tauriTransport: Transport = {
  async call<T>(cmd: string, args?: Args): Promise<T> {
    try {
      return await invoke<T>(cmd, args);
    } catch (err) {
      throw toBackendError(err);
    }
  },
};

/** True inside the Tauri webview, where the IPC bridge is injected. */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}
