// WebSocket RPC: a participant's browser talking to the hub, every frame inside the
// encrypted channel (`./channel`). `ChannelSocket` does the exchange and the sealing;
// the transport above it sees plain JSON texts.
//
// Messages, one JSON text each way:
//   request  { id, method, params }
//   response { id, ok: true, result } | { id, ok: false, error: { code, message } }
//   pushed   { event: "changed", change, local }   (whenever anyone changes the workshop:
//            what changed, and this person's local view)
// Ids are per connection; responses may arrive in any order.
import type { Failure } from '../types/generated/Failure';
import { Exchange, type Keys, type Secret } from './channel';
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
  private refusal: BackendError | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private backoff = RETRY_FIRST_MS;

  /** `connect` is asked at each (re)connection: a browser that was welcomed with a token
   * comes back with it, as the same person. */
  constructor(
    private readonly url: string | (() => string),
    private readonly connect: (url: string) => Socket,
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
    if (this.refusal) return Promise.reject(this.refusal);
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
      // Refused (a wrong code, an unknown token, removed by the facilitator): no retries.
      if (response.event === 'refused') this.refused(response);
      this.emit(response.event, response);
      return;
    }
    const waiter = this.pending.get(response.id);
    if (!waiter) return;
    this.pending.delete(response.id);
    if (response.ok) waiter.resolve(response.result);
    else waiter.reject(new BackendError(response.error.code, response.error.message));
  }

  private refused(event: Pushed): void {
    this.closed = true;
    const code = (typeof event.code === 'string' ? event.code : 'sync_refused') as Failure['code'];
    this.refusal = new BackendError(code, String(event.reason ?? 'The hub refused.'));
    this.failAll(this.refusal);
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

/** `ws://<host>/rpc` on the host that served this page (wss when served over https).
 * Nothing else: the join travels inside the channel, never in a URL. */
export function rpcUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/rpc`;
}

/** What one connection proves and says first: the secret, and the join message. */
export type ChannelJoin = { secret: Secret; password: string; first: Record<string, unknown> };

type Listener = (event: { data: unknown }) => void;

/** A WebSocket that speaks only through the encrypted channel: 'open' fires once the
 * exchange is done and the join is sent; messages in and out are the plain texts. */
export class ChannelSocket implements Socket {
  readyState = 0;
  private keys: Keys | null = null;
  private readonly ws: WebSocket;
  private readonly listeners: Record<string, Listener[]> = {};

  constructor(url: string, join: ChannelJoin, make: (url: string) => WebSocket = (u) => new WebSocket(u)) {
    const exchange = new Exchange(join.password);
    this.ws = make(url);
    this.ws.binaryType = 'arraybuffer';
    this.ws.addEventListener('open', () => this.ws.send(exchange.opening(join.secret)));
    this.ws.addEventListener('message', (event) => this.receive(event.data, exchange, join));
    this.ws.addEventListener('error', () => this.emit('error'));
    this.ws.addEventListener('close', () => {
      this.readyState = 3;
      this.emit('close');
    });
  }

  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] ??= []).push(listener);
  }

  send(data: string): void {
    if (!this.keys) throw new Error('The channel is not open.');
    this.ws.send(this.keys.seal(data));
  }

  close(): void {
    this.ws.close();
  }

  private receive(data: unknown, exchange: Exchange, join: ChannelJoin): void {
    // The hub's one plaintext word: it could not open our frame (a wrong code).
    if (typeof data === 'string') return this.emit('message', data);
    const bytes = new Uint8Array(data as ArrayBuffer);
    const opening = !this.keys;
    let text = '';
    try {
      if (opening) {
        this.keys = exchange.finish(bytes);
        this.ws.send(this.keys.seal(JSON.stringify(join.first)));
      } else {
        text = this.keys!.open(bytes);
      }
    } catch {
      // Whoever answered does not know the secret: not the room's hub.
      this.emit('message', JSON.stringify({ event: 'refused', code: 'wrong_code', reason: 'The hub did not prove the code.' }));
      this.ws.close();
      return;
    }
    if (opening) {
      this.readyState = 1;
      this.emit('open');
    } else {
      this.emit('message', text);
    }
  }

  private emit(type: string, data?: unknown): void {
    for (const listener of this.listeners[type] ?? []) listener({ data });
  }
}
