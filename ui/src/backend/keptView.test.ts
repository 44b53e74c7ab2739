import { describe, expect, it } from 'vitest';
import type { ViewChange, WorkshopView } from '../types';
import { sampleView } from '../workshop/fixture.test-data';
import { keptView } from './keptView';
import type { Transport } from './transport';

/** A transport whose `workshop_view` answers when the test says, and whose pushes the test plays. */
function fakeTransport() {
  const listeners = new Map<string, (payload: unknown) => void>();
  let answer: ((view: WorkshopView) => void) | null = null;
  let asked = 0;
  const transport: Transport = {
    call: <T,>() => {
      asked++;
      return new Promise<T>((resolve) => (answer = resolve as (view: WorkshopView) => void));
    },
    listen: (name, listener) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    },
  };
  return {
    transport,
    asked: () => asked,
    answer: (view: WorkshopView) => answer?.(structuredClone(view)),
    push: (name: string, payload: unknown) => listeners.get(name)?.(payload),
  };
}

const retitled = (title: string): ViewChange => ({
  revision: 1, complete: false, meta: { ...sampleView.meta, title }, sessions: null, comments: null, control: null, trash: null, boards: [], removed_boards: [],
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the view a page keeps', () => {
  it('applies a change heard while the whole view was on its way', async () => {
    const hub = fakeTransport();
    const kept = keptView(hub.transport);
    const titles: string[] = [];
    kept.listen((view) => titles.push(view.meta.title));
    const whole = kept.fetch();
    hub.push('changed', { change: retitled('Kesken haettu'), local: null });
    hub.answer(sampleView);
    expect((await whole).meta.title).toBe('Kesken haettu');
    hub.push('changed', retitled('Seuraava'));
    expect(titles).toEqual(['Seuraava']);
  });

  it('fetches the whole view when a change comes before any view, and again after a reconnect', async () => {
    const hub = fakeTransport();
    const kept = keptView(hub.transport);
    const seen: Array<[string, unknown]> = [];
    kept.listen((view, local) => seen.push([view.meta.title, local]));
    hub.push('changed', retitled('Ensimmäinen'));
    expect(hub.asked()).toBe(1);
    hub.answer(sampleView);
    await settle();
    hub.push('reconnected', null);
    expect(hub.asked()).toBe(2);
    hub.answer({ ...sampleView, meta: { ...sampleView.meta, title: 'Takaisin' } });
    await settle();
    expect(seen, 'neither says what the local view is now').toEqual([
      [sampleView.meta.title, undefined],
      ['Takaisin', undefined],
    ]);
  });

  it('stops hearing the transport when its last listener stops', () => {
    const hub = fakeTransport();
    const kept = keptView(hub.transport);
    const stop = kept.listen(() => undefined);
    stop();
    hub.push('changed', retitled('Ei kuulu'));
    expect(hub.asked()).toBe(0);
  });

  it('lets a command wait until its change has reached the listeners, or not long when none comes', async () => {
    const hub = fakeTransport();
    const kept = keptView(hub.transport);
    const titles: string[] = [];
    kept.listen((view) => titles.push(view.meta.title));
    const whole = kept.fetch();
    hub.answer(sampleView);
    await whole;
    const shown = kept.nextChange(10000).then(() => [...titles]);
    hub.push('changed', retitled('Oma muutos'));
    expect(await shown).toEqual(['Oma muutos']);
    await expect(kept.nextChange(20), 'no change: it resolves anyway').resolves.toBeUndefined();
  });
});
