// How a command reaches the core. Two transports: Tauri IPC in the desktop
// window, WebSocket RPC in a participant's browser. Commands (one file per
// domain) are written once over this interface.

import type { ErrorCode } from '../types/generated/ErrorCode';

/** The `{ code, message }` every core error arrives as. Decide by `code`; show it with
 * `errorText` (the message is the core's English, for logs). */
export class BackendError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

export type Args = Record<string, unknown>;

export interface Transport {
  call<T>(cmd: string, args?: Args): Promise<T>;
  /** Calls `listener` with each pushed event `name` (e.g. `changed`); returns the unsubscribe. */
  listen(name: string, listener: (payload: unknown) => void): () => void;
}

/** Turns whatever a transport rejected with into a `BackendError`. */
export function toBackendError(err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    return new BackendError(code as ErrorCode, String(message));
  }
  return new BackendError('internal', err instanceof Error ? err.message : String(err));
}
