import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import type { LiveStatus } from '../types';
import { indicator, laterStatus, normaliseCode, readJoinInput, undoneText } from './status';

const status = (over: Partial<LiveStatus>): LiveStatus => ({
  mode: 'joined',
  role: 'participant',
  connection: 'connected',
  refusal: null,
  undone: null,
  people: 3,
  presence: [],
  hosting: null,
  read: 1,
  relay: null,
  ...over,
});

const said = (s: LiveStatus) => {
  const shown = indicator(s);
  return shown && translator('fi')(shown.key, { n: shown.people });
};

describe('the session status in the header', () => {
  it('says how many are here when connected', () => {
    expect(said(status({}))).toBe('Yhdistetty · 3 paikalla');
  });

  it('leaves a copy read from the region\'s server to the relay\'s own word', () => {
    expect(said(status({ mode: 'reading', role: 'observer' }))).toBeNull();
  });

  it('says when the link is being made again, when waiting to be let in, and when there is none', () => {
    expect(said(status({ connection: 'reconnecting' }))).toBe('Yhdistetään uudelleen');
    expect(said(status({ connection: 'lobby' }))).toBe('Odottaa pääsyä');
    expect(said(status({ connection: 'offline' }))).toBe('Ei yhteyttä');
    expect(said(status({ connection: 'refused' }))).toBe('Ei yhteyttä');
  });

  it('says in one sentence why a write the hub refused is gone from the screen', () => {
    const undone = status({ undone: { code: 'locked', message: 'The facilitator has locked this.' } });
    expect(undoneText(translator('fi'), undone)).toBe('Ohjaaja on lukinnut tämän. Muutostasi ei tallennettu.');
    expect(undoneText(translator('sv'), undone)).toBe('Handledaren har låst det här. Din ändring sparades inte.');
    expect(undoneText(translator('en'), undone)).toBe('The facilitator has locked this. Your change was not saved.');
    expect(undoneText(translator('fi'), status({})), 'nothing to say when nothing was refused').toBeNull();
  });

  it('shows nothing when working alone', () => {
    expect(indicator(status({ mode: 'alone', connection: 'alone' }))).toBeNull();
  });

  it('keeps the later status when an older answer arrives after a newer event', () => {
    const joined = status({ people: 2, read: 7 });
    const older = status({ people: 1, read: 6 });
    expect(said(laterStatus(joined, older))).toBe('Yhdistetty · 2 paikalla');
    expect(said(laterStatus(older, joined))).toBe('Yhdistetty · 2 paikalla');
    expect(laterStatus(null, older)).toBe(older);
  });
});

describe('what people paste into the join dialog', () => {
  it('takes the code out of a paja:// link and keeps the link to connect with', () => {
    const read = readJoinInput(' paja://192.168.1.20:7070?code=abcdef&fp=00ff ');
    expect(read).toEqual({ link: 'paja://192.168.1.20:7070?code=abcdef&fp=00ff', code: 'ABCDEF' });
  });

  it('leaves the code alone when only an address is typed', () => {
    expect(readJoinInput('192.168.1.20:7070')).toEqual({ link: '192.168.1.20:7070', code: '' });
  });

  it('reads a code typed with spaces, dashes or small letters', () => {
    expect(normaliseCode('abc-de f')).toBe('ABCDEF');
  });
});
