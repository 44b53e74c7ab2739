import { describe, expect, it } from 'vitest';
import { agendaIndex, agendaSteps, stepBeside } from './agenda';
import { myCafePlace } from './cafeRun';
import { parseDrafts, revealedDrafts } from './drafts';
import { findItem } from './items';
import { joinedAs, rememberJoin, rememberToken, splitLink, takeLink, welcomedToken } from './joining';
import { lockedForMe, myPerson } from './people';
import { clock, countdown } from './timer';
import { countsShown, dotsLeft, myDotsOn } from './voting';
import { liveView, localOf, people } from './fixture.test-data';

const timer = (seconds: number, running = true) => ({ started_at_ms: 1_000_000, seconds, running });

describe('the shared countdown', () => {
  it('counts whole seconds down from the start the facilitator set', () => {
    expect(countdown(timer(300), 1_000_000)).toEqual({ left: 300, ended: false });
    expect(countdown(timer(300), 1_000_000 + 299_500), 'half a second left still shows 1').toEqual({ left: 1, ended: false });
  });

  it('ends at zero and stays ended, never negative', () => {
    expect(countdown(timer(60), 1_000_000 + 60_000)).toEqual({ left: 0, ended: true });
    expect(countdown(timer(60), 1_000_000 + 600_000)).toEqual({ left: 0, ended: true });
  });

  it('shows nothing when no timer runs', () => {
    expect(countdown(null, 5)).toBeNull();
    expect(countdown(timer(60, false), 5), 'a stopped timer is not a countdown').toBeNull();
  });

  it('a clock on a computer a little behind the facilitator does not show more than the set time', () => {
    expect(countdown(timer(120), 1_000_000 - 3_000)).toEqual({ left: 120, ended: false });
  });

  it('reads like a kitchen timer', () => {
    expect(clock(605)).toBe('10:05');
    expect(clock(59)).toBe('0:59');
    expect(clock(0)).toBe('0:00');
  });
});

describe('the agenda', () => {
  it('walks the current session’s steps in their order', () => {
    const view = liveView({ current_session: 's1', current_step: 'st1' });
    expect(agendaSteps(view).map((s) => s.step.id)).toEqual(['st1', 'st2']);
    expect(agendaIndex(view)).toBe(0);
    expect(stepBeside(view, 1)?.step.title).toBe('Persoonat');
    expect(stepBeside(view, -1), 'nothing before the first step').toBeNull();
  });

  it('starts from the first session when no step is chosen yet', () => {
    const view = liveView({ current_session: null, current_step: null });
    expect(agendaIndex(view)).toBe(-1);
    expect(stepBeside(view, 1)?.step.id, 'next goes to the first step').toBe('st1');
  });
});

describe('my place in a running café', () => {
  const olli = people[0];
  const hanna = people[1];

  it('puts my group at its station for the round, and moves it on the next round', () => {
    const first = myCafePlace(liveView({ cafe: { board: 'cafe', round: 1 } }), olli);
    expect(first?.kind === 'visit' && first.station.id).toBe('st-a');
    const second = myCafePlace(liveView({ cafe: { board: 'cafe', round: 2 } }), olli);
    expect(second?.kind === 'visit' && second.station.question, 'round 2: one station on').toBe('Mikä on vaikeaa?');
  });

  it('takes the station my core worked out over its own reckoning', () => {
    const place = myCafePlace(liveView({ cafe: { board: 'cafe', round: 1 } }), olli, 'st-c');
    expect(place?.kind === 'visit' && place.station.id).toBe('st-c');
  });

  it('keeps a host at her own station on every round', () => {
    for (const round of [1, 2, 3]) {
      const place = myCafePlace(liveView({ cafe: { board: 'cafe', round } }), hanna);
      expect(place?.kind === 'host' && place.station.id, `round ${round}`).toBe('st-a');
    }
  });

  it('says when the café has not started, when I have no group, and when it is over', () => {
    expect(myCafePlace(liveView({ cafe: { board: 'cafe', round: 0 } }), olli)?.kind).toBe('waiting');
    expect(myCafePlace(liveView({ cafe: { board: 'cafe', round: 1 } }), null)?.kind).toBe('waiting');
    expect(myCafePlace(liveView({ cafe: { board: 'cafe', round: 4 } }), olli)?.kind).toBe('over');
    expect(myCafePlace(liveView(), olli), 'no café runs').toBeNull();
  });
});

describe('who I am and what is locked for me', () => {
  it('finds me in the roster by my id', () => {
    expect(myPerson(liveView(), localOf('participant', 'p-olli'))?.name).toBe('Olli');
    expect(myPerson(liveView(), localOf('participant', null))).toBeNull();
  });

  it('shows as locked what the core lists as locked for me', () => {
    const view = liveView({ locked: ['b3'] });
    expect(lockedForMe(view, localOf('participant', null, { locked: ['b3'] }), 'b3')).toBe(true);
    expect(lockedForMe(view, localOf('participant', null, { locked: ['b3'] }), 'b1')).toBe(false);
    expect(lockedForMe(view, localOf('facilitator'), 'b3'), 'the core lists no locks for the facilitator').toBe(false);
    expect(lockedForMe(view, null, 'b3'), 'until the core has said, every lock counts').toBe(true);
  });
});

describe('dot voting as a participant sees it', () => {
  const voting = { board: 'b3', budget: 3, hidden: true, revealed: false };

  it('hides every count while hidden votes are not revealed', () => {
    expect(countsShown(voting)).toBe(false);
    expect(countsShown({ ...voting, revealed: true })).toBe(true);
    expect(countsShown({ ...voting, hidden: false })).toBe(true);
    expect(countsShown(null), 'no round: plain votes are shown').toBe(true);
  });

  it('shows my own dots and what is left of my budget', () => {
    const local = localOf('participant', 'p-olli', { votes_left: 1, my_votes: ['i1', 'i1', 'i2'] });
    expect(myDotsOn(local, 'i1')).toBe(2);
    expect(myDotsOn(local, 'i3')).toBe(0);
    expect(dotsLeft(local, voting)).toBe(1);
    expect(dotsLeft(localOf('participant'), voting), 'before the core answers: the whole budget').toBe(3);
  });
});

describe('a browser’s silent-writing drafts', () => {
  const drafts = [
    { id: 'd1', board: 'b3', text: 'Oma idea' },
    { id: 'd2', board: 'other', text: 'Toinen' },
  ];

  it('are let out only when the round of their board is revealed', () => {
    expect(revealedDrafts(liveView({ silent: { board: 'b3', anonymous: true, revealed: false, late: 0 } }), drafts)).toEqual([]);
    expect(revealedDrafts(liveView({ silent: { board: 'b3', anonymous: true, revealed: true, late: 0 } }), drafts)).toEqual([drafts[0]]);
    expect(revealedDrafts(liveView(), drafts)).toEqual([]);
  });

  it('survive damaged storage as an empty list, not an error', () => {
    expect(parseDrafts('{not json')).toEqual([]);
    expect(parseDrafts(null)).toEqual([]);
    expect(parseDrafts('[{"id":"d","board":"b","text":"ä"},{"id":3}]')).toEqual([{ id: 'd', board: 'b', text: 'ä' }]);
  });
});

describe('joining from a browser', () => {
  it('reads the code and key from the link’s fragment, apart from the route', () => {
    expect(splitLink('#code=abcdef&key=k1')).toEqual({ link: { code: 'ABCDEF', key: 'k1' }, route: '#/' });
    expect(splitLink('#lead=l1#/board/b'), 'a co-facilitator’s link, with a route after it').toEqual({ link: { lead: 'l1' }, route: '#/board/b' });
    expect(splitLink('#/board/b')).toEqual({ link: null, route: '#/board/b' });
    expect(splitLink('')).toEqual({ link: null, route: '' });
  });

  it('takes the secrets out of the address bar and keeps them for the tab', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const replaced: string[] = [];
    const history = { replaceState: (_: unknown, __: string, url?: string | URL | null) => void replaced.push(String(url)) };
    expect(takeLink({ hash: '#code=ABCDEF&key=k1' }, history, storage)).toEqual({ code: 'ABCDEF', key: 'k1' });
    expect(replaced).toEqual(['#/']);
    expect(takeLink({ hash: '#/' }, history, storage), 'after a reload the tab still holds them').toEqual({ code: 'ABCDEF', key: 'k1' });
  });

  it('remembers the name and the welcome token per code', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(joinedAs(storage, 'ABCDEF')).toBeNull();
    rememberJoin(storage, 'ABCDEF', { name: 'Äino', observer: false });
    expect(joinedAs(storage, 'ABCDEF')).toEqual({ name: 'Äino', observer: false });
    rememberJoin(storage, 'GHIJKL', { name: 'Eeva', observer: true });
    expect(joinedAs(storage, 'GHIJKL'), 'an observer comes back as an observer after a reload').toEqual({ name: 'Eeva', observer: true });
    expect(welcomedToken(storage, 'ABCDEF')).toBeNull();
    rememberToken(storage, 'ABCDEF', 't1');
    expect(welcomedToken(storage, 'ABCDEF'), 'back after a reload as the same person').toBe('t1');
  });
});

describe('finding a spotlighted item', () => {
  it('finds a café station by its id and gives its words', () => {
    expect(findItem(liveView(), 'st-b')).toEqual({ board: 'cafe', text: 'Mikä on vaikeaa?' });
    expect(findItem(liveView(), 'nope')).toBeNull();
  });
});
