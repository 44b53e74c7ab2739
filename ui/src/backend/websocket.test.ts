import { describe, expect, it } from 'vitest';
import type { ViewChange } from '../types';
import { sampleView } from '../workshop/fixture.test-data';
import { backendOver, channelJoin } from './index';
import { BackendError } from './transport';
import { rpcUrl, WebSocketTransport, type Socket } from './websocket';

const noChange: ViewChange = { revision: 1, complete: false, meta: null, sessions: null, comments: null, control: null, trash: null, boards: [], removed_boards: [] };

/** An in-memory socket: records what the client sends, lets the test answer. */
class FakeSocket implements Socket {
  readyState = 0;
  sent: Array<{ id: number; method: string; params: unknown }> = [];
  private listeners: Record<string, Array<(event: { data: unknown }) => void>> = {};

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.readyState = 3;
    this.emit('close');
  }
  open(): void {
    this.readyState = 1;
    this.emit('open');
  }
  reply(frame: unknown): void {
    this.emit('message', JSON.stringify(frame));
  }
  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners[type] ?? []) listener({ data });
  }
}

function connected() {
  const socket = new FakeSocket();
  const transport = new WebSocketTransport('ws://hub/rpc', () => socket);
  return { socket, transport };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WebSocket RPC client', () => {
  it('sends {id, method, params} and resolves with the matching result', async () => {
    const { socket, transport } = connected();
    const view = backendOver(transport).workshopView();
    socket.open();
    await tick();
    expect(socket.sent).toEqual([{ id: 1, method: 'workshop_view', params: {} }]);
    socket.reply({ id: 1, ok: true, result: { meta: { title: 'T' } } });
    await expect(view).resolves.toEqual({ meta: { title: 'T' } });
  });

  it('matches answers to requests by id when they come back out of order', async () => {
    const { socket, transport } = connected();
    const a = transport.call('a');
    const b = transport.call('b');
    socket.open();
    await tick();
    socket.reply({ id: 2, ok: true, result: 'B' });
    socket.reply({ id: 1, ok: true, result: 'A' });
    await expect(a).resolves.toBe('A');
    await expect(b).resolves.toBe('B');
  });

  it('rejects with the core error code, so the UI can decide by code', async () => {
    const { socket, transport } = connected();
    const call = transport.call('workshop_view');
    socket.open();
    await tick();
    socket.reply({ id: 1, ok: false, error: { code: 'not_found', message: 'No such board.' } });
    const err = await call.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as BackendError).code).toBe('not_found');
  });

  it('rejects calls in flight when the connection closes', async () => {
    const { socket, transport } = connected();
    const call = transport.call('workshop_view');
    socket.open();
    await tick();
    socket.close();
    await expect(call).rejects.toMatchObject({ code: 'sync_connection' });
  });

  it('rejects when the hub cannot be reached', async () => {
    const { socket, transport } = connected();
    const call = transport.call('workshop_view');
    socket.emit('error');
    await expect(call).rejects.toMatchObject({ code: 'sync_connection' });
  });

  it('addresses /rpc on the host that served the page, with nothing in the URL', () => {
    expect(rpcUrl({ protocol: 'http:', host: '192.168.1.5:8080' })).toBe('ws://192.168.1.5:8080/rpc');
    expect(rpcUrl({ protocol: 'https:', host: 'hub' })).toBe('wss://hub/rpc');
  });

  it('proves the link’s key when the link brought one, else the typed code; a co-facilitator the lead key', () => {
    expect(channelJoin({ code: 'ABCDEF', key: 'k1', name: 'Äino' }, null)).toEqual({ secret: 'k', password: 'k1', first: { name: 'Äino', observer: false } });
    expect(channelJoin({ code: 'ABCDEF', name: 'Äino', observer: true }, null)).toEqual({ secret: 'c', password: 'ABCDEF', first: { name: 'Äino', observer: true } });
    expect(channelJoin({ code: 'ABCDEF', name: 'Äino' }, 't9').first, 'after a welcome, the token').toEqual({ token: 't9' });
    expect(channelJoin({ lead: 'l1' }, null).secret).toBe('l');
  });

  it('stops trying once the hub refuses, for a wrong code or a removed person', async () => {
    let made = 0;
    const socket = new FakeSocket();
    const transport = new WebSocketTransport('ws://hub/rpc', () => {
      made++;
      return socket;
    });
    transport.listen('changed', () => undefined);
    socket.open();
    socket.reply({ event: 'refused', code: 'removed', reason: 'You were removed from this workshop.' });
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(made, 'no new connection after a refusal').toBe(1);
  });

  it('applies a pushed {event: "changed", change, local} to the view it holds, for every onChanged listener', async () => {
    const { socket, transport } = connected();
    const seen: unknown[] = [];
    const backend = backendOver(transport);
    const stop = backend.onChanged((view, local) => seen.push([view.meta.title, view.boards.length, local]));
    const first = backend.workshopView();
    socket.open();
    await tick();
    socket.reply({ id: 1, ok: true, result: { ...sampleView, meta: { ...sampleView.meta, title: 'Äiti' } } });
    await first;
    const local = { me: 'p1', role: 'participant', drafts: [], votes_left: null, my_votes: [], cafe_station: null };
    socket.reply({ event: 'changed', change: { ...noChange, removed_boards: [sampleView.boards[0].id] }, local });
    stop();
    socket.reply({ event: 'changed', change: { ...noChange, meta: { ...sampleView.meta, title: 'later' } }, local });
    expect(seen, 'a listener hears changes until it stops listening').toEqual([['Äiti', sampleView.boards.length - 1, local]]);
  });

  it('sends execute as {method: "execute", params: {command}}', async () => {
    const { socket, transport } = connected();
    const done = backendOver(transport).execute({ cmd: 'undo' });
    socket.open();
    await tick();
    expect(socket.sent[0]).toEqual({ id: 1, method: 'execute', params: { command: { cmd: 'undo' } } });
    socket.reply({ id: 1, ok: true, result: { id: 'c9' } });
    await expect(done).resolves.toEqual({ id: 'c9' });
  });

  it('comes back after a dropped connection, with its join asked again, and fetches what changed meanwhile', async () => {
    const sockets: FakeSocket[] = [];
    const joins: unknown[] = [];
    let token = '';
    const transport = new WebSocketTransport('ws://hub/rpc', (url) => {
      expect(url, 'nothing in the URL').toBe('ws://hub/rpc');
      joins.push(channelJoin({ code: 'C', key: 'K', name: 'N' }, token || null).first);
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    });
    const seen: unknown[] = [];
    backendOver(transport).onChanged((view) => seen.push(view.meta));
    sockets[0].open();
    sockets[0].reply({ event: 'welcome', token: 't9', role: 'participant', person: 'p1' });
    token = 't9';
    sockets[0].close();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(joins, 'the second connection comes back as the same person').toEqual([{ name: 'N', observer: false }, { token: 't9' }]);
    sockets[1].open();
    await tick();
    expect(sockets[1].sent, 'what changed while away is asked for at once').toEqual([{ id: 1, method: 'workshop_view', params: {} }]);
    sockets[1].reply({ id: 1, ok: true, result: { ...sampleView, meta: { title: 'Uusi' } } });
    await tick();
    expect(seen).toEqual([{ title: 'Uusi' }]);
    transport.close();
  });
});
