import { describe, expect, it } from 'vitest';
import { liveView } from '../facilitation/fixture.test-data';
import { withBrowserDrafts } from './drafts';
import { fakeBackend } from './fake';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const writing = liveView({ silent: { board: 'b3', anonymous: true, revealed: false, late: 0 } });
const revealed = liveView({ silent: { board: 'b3', anonymous: true, revealed: true, late: 0 } });
const settle = () => new Promise((r) => setTimeout(r, 0));
const KEY = '11'.repeat(32);
const drafted = (hub: ReturnType<typeof fakeBackend>, store: ReturnType<typeof memoryStore>, key = KEY) => {
  const backend = withBrowserDrafts(hub, store);
  backend.unlock(key);
  return backend;
};

describe('a browser participant’s drafts', () => {
  it('stay in the browser while the round runs: nothing reaches the hub', async () => {
    const hub = fakeBackend(writing);
    const store = memoryStore();
    const backend = drafted(hub, store);
    await backend.workshopView();
    const outcome = await backend.execute({ cmd: 'write_draft', board: 'b3', text: 'Äänetön ajatus' });
    expect(outcome.id, 'the draft has an id for editing').toBeTruthy();
    await backend.execute({ cmd: 'edit_draft', id: outcome.id ?? '', text: 'Äänetön ajatus, korjattu' });
    expect(hub.commands, 'the hub heard nothing').toEqual([]);
    expect((await backend.localView()).drafts).toEqual([{ id: outcome.id, board: 'b3', text: 'Äänetön ajatus, korjattu' }]);
  });

  it('go to the hub once each when the facilitator reveals, then leave the browser', async () => {
    const hub = fakeBackend(writing);
    const store = memoryStore();
    const backend = drafted(hub, store);
    backend.onChanged(() => undefined);
    await backend.workshopView();
    await backend.execute({ cmd: 'write_draft', board: 'b3', text: 'Yksi' });
    await backend.execute({ cmd: 'write_draft', board: 'b3', text: 'Kaksi' });
    hub.push(revealed);
    await settle();
    hub.push(revealed);
    await settle();
    const sent = hub.commands.filter((c) => c.cmd === 'write_draft');
    expect(sent.map((c) => c.text)).toEqual(['Yksi', 'Kaksi']);
    expect(sent.every((c) => !!c.id), 'each goes with its id, so a resend is published once').toBe(true);
    expect(hub.commands.slice(2), 'then the hub hears once that all are sent').toEqual([{ cmd: 'drafts_sent', board: 'b3' }]);
    expect((await backend.localView()).drafts, 'nothing is left in the browser').toEqual([]);
    expect(store.map.has('paja.drafts'), 'the storage entry is gone').toBe(false);
  });

  it('are sealed in the storage under the hub’s key, which the page keeps in memory only', async () => {
    const store = memoryStore();
    const backend = withBrowserDrafts(fakeBackend(writing), store);
    await backend.workshopView();
    await backend.execute({ cmd: 'write_draft', board: 'b3', text: 'Salainen ajatus' });
    expect(store.map.has('paja.drafts'), 'nothing is stored before the hub’s key comes').toBe(false);
    backend.unlock(KEY);
    const saved = store.map.get('paja.drafts') ?? '';
    expect(saved).not.toContain('Salainen');
    expect(saved).not.toContain(KEY);
    expect((await backend.localView()).drafts.map((d) => d.text)).toEqual(['Salainen ajatus']);
    const reloaded = drafted(fakeBackend(writing), store);
    expect((await reloaded.localView()).drafts.map((d) => d.text), 'a reloaded page opens them with the same key').toEqual(['Salainen ajatus']);
    const stranger = drafted(fakeBackend(writing), store, '22'.repeat(32));
    expect((await stranger.localView()).drafts, 'another key cannot read them').toEqual([]);
    expect(store.map.has('paja.drafts'), 'and the unreadable entry is removed').toBe(false);
  });
});
