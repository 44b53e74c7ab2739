// WebSocket RPC: a participant's browser talking to the hub.
//
// Wire format, one JSON text frame each way:
//   request  { id, method, params }
//   response { id, ok: true, result } | { id, ok: false, error: { code, message } }
//   pushed   { event: "changed", change, local }   (whenever anyone changes the workshop:
//            what changed, and this person's local view)
// Ids are per connection; responses may arrive in any order.
import type { Failure } from '../types/generated/Failure';
import { BackendError, toBackendError, type Args, type Transport } from './transport';

type Response =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: Failure };

type Pushed = { event: string; [key: string]: unknown };

type Pending = { resolve: (value: unknown) => void; reject: (err: BackendError) => void };

/** The subset of the browser WebSocket this client uses, so tests can pass a fake. */
export interface Socket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;
const RETRY_FIRST_MS = 500;
const RETRY_LAST_MS = 5000;

export class WebSocketTransport implements Transport {
  private socket: Socket | null = null;
  private opening: Promise<Socket> | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Map<string, Set<(payload: unknown) => void>>();

  private everOpened = false;
  private closed = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private backoff = RETRY_FIRST_MS;

  /** `url` may be a function, asked at each (re)connection: a browser that was welcomed
   * with a token comes back with it, as the same person. */
  constructor(
    private readonly url: string | (() => string),
    private readonly connect: (url: string) => Socket = (u) => new WebSocket(u),
  ) {}

  async call<T>(cmd: string, args: Args = {}): Promise<T> {
    const socket = await this.open();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        socket.send(JSON.stringify({ id, method: cmd, params: args }));
      } catch (err) {
        this.pending.delete(id);
        reject(toBackendError(err));
      }
    });
  }

  listen(name: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener);
    this.listeners.set(name, set);
    // Events flow only on an open socket: open it now if nothing else has.
    this.open().catch(() => undefined);
    return () => set.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.close();
  }

  private open(): Promise<Socket> {
    if (this.socket && this.socket.readyState === OPEN) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    const url = typeof this.url === 'string' ? this.url : this.url();
    this.opening = new Promise<Socket>((resolve, reject) => {
      const socket = this.connect(url);
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        this.socket = socket;
        this.opening = null;
        this.backoff = RETRY_FIRST_MS;
        resolve(socket);
        // Back after a drop: whatever changed meanwhile was not pushed, so say so.
        if (this.everOpened) this.emit('reconnected', null);
        this.everOpened = true;
      });
      socket.addEventListener('message', (event) => this.receive(event.data));
      socket.addEventListener('error', () => {
        if (!opened) {
          this.opening = null;
          reject(new BackendError('sync_connection', `Cannot connect to ${url}`));
        }
      });
      socket.addEventListener('close', () => {
        if (this.socket === socket) this.socket = null;
        if (!opened) {
          this.opening = null;
          reject(new BackendError('sync_connection', `Cannot connect to ${url}`));
        }
        this.failAll(new BackendError('sync_connection', 'The connection to the hub closed'));
        this.reconnectLater();
      });
    });
    return this.opening;
  }

  private receive(data: unknown): void {
    let response: Response | Pushed;
    try {
      response = JSON.parse(String(data)) as Response | Pushed;
    } catch {
      return; // Not ours to answer: a malformed frame has no id to reject.
    }
    if ('event' in response) {
      this.emit(response.event, response);
      return;
    }
    const waiter = this.pending.get(response.id);
    if (!waiter) return;
    this.pending.delete(response.id);
    if (response.ok) waiter.resolve(response.result);
    else waiter.reject(new BackendError(response.error.code, response.error.message));
  }

  private emit(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  /** Someone listens for pushed events: keep trying to get back to the hub, waiting longer each time. */
  private reconnectLater(): void {
    const listening = [...this.listeners.values()].some((set) => set.size > 0);
    if (!listening || this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.open().catch(() => this.reconnectLater());
    }, this.backoff);
    this.backoff = Math.min(this.backoff * 2, RETRY_LAST_MS);
  }

  private failAll(err: BackendError): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}

/**
 * `ws://<host>/rpc` on the host that served this page (wss when served over https),
 * carrying the join: the one given (a participant's code and the name they typed, or
 * a token), else the page address's own `?token=` or `?code=&name=`.
 */
export function rpcUrl(
  location: { protocol: string; host: string; search?: string },
  given?: { code: string; name: string; observer?: boolean } | { token: string },
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const join = new URLSearchParams();
  const from = given ? new URLSearchParams(Object.entries(given).map(([k, v]) => [k, String(v)])) : new URLSearchParams(location.search ?? '');
  for (const key of ['token', 'code', 'name']) {
    const value = from.get(key);
    if (value) join.set(key, value);
  }
  if (given && 'observer' in given && given.observer) join.set('role', 'observer');
  // `%20`, not `+`, for a space in a name: the hub reads the query as percent-encoded.
  const query = join.toString().replace(/\+/g, '%20');
  return `${scheme}//${location.host}/rpc${query ? `?${query}` : ''}`;
}
