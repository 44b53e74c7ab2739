import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import type { RelayStatus } from '../types';
import { missingInRelay, relayBadge, relaySentence, trimmedRelay } from './relay';

const fi = translator('fi');
const relay = (over: Partial<RelayStatus>): RelayStatus => ({
  state: 'connected',
  address: 'wss://alue.example:8443',
  workshop: 'ryhma-1',
  refusal: null,
  ...over,
});

describe('the relay to the region\'s server in words', () => {
  it('asks for the address, then the workshop\'s name, then the token, one at a time', () => {
    expect(missingInRelay({ url: ' ', token: 't', workshop: 'w' })).toBe('relay.missing.address');
    expect(missingInRelay({ url: 'wss://a', token: 't', workshop: '' })).toBe('relay.missing.workshop');
    expect(missingInRelay({ url: 'wss://a', token: '', workshop: 'w' })).toBe('relay.missing.token');
    expect(missingInRelay({ url: 'wss://a', token: 't', workshop: 'w' })).toBeNull();
  });

  it('takes an empty token field to mean the token kept in the file', () => {
    expect(missingInRelay({ url: 'wss://a', token: '', workshop: 'w' }, true)).toBeNull();
  });

  it('sends what was typed without the spaces a paste brings', () => {
    expect(trimmedRelay({ url: ' wss://a:1 ', token: ' t\n', workshop: ' ryhma-1 ' })).toEqual({ url: 'wss://a:1', token: 't', workshop: 'ryhma-1' });
  });

  it('says each state in one sentence, off included', () => {
    expect(relaySentence(fi, null)).toBe('Ei yhdistetty palvelimeen.');
    expect(relaySentence(fi, relay({ state: 'connecting' }))).toBe('Yhdistetään palvelimeen…');
    expect(relaySentence(fi, relay({}))).toBe('Yhdistetty palvelimeen wss://alue.example:8443. Työpajan nimi siellä: ryhma-1.');
    expect(relaySentence(fi, relay({ state: 'offline' }))).toMatch(/^Ei yhteyttä palvelimeen\. Työpaja jatkuu/);
  });

  it('says a refusal by its code, never by the server\'s own words', () => {
    const refused = relay({ state: 'refused', refusal: { code: 'sync_refused', message: 'Token expired at the gateway' } });
    expect(relaySentence(fi, refused)).toBe(fi('error.sync_refused'));
    expect(relaySentence(fi, relay({ state: 'refused' }))).toBe('Palvelin ei hyväksy yhteyttä.');
  });

  it('gives the session bar a short word and a tone for each state, in Finnish, Swedish and English', () => {
    const said = (state: RelayStatus['state'], lang: 'fi' | 'sv' | 'en' = 'fi') => translator(lang)(relayBadge(relay({ state })).key);
    expect(said('connected')).toBe('Alueen palvelin: yhdistetty');
    expect(said('offline')).toBe('Alueen palvelin: ei yhteyttä');
    expect(said('refused')).toBe('Alueen palvelin: ei hyväksytty');
    expect(said('connected', 'sv')).toBe('Regionens server: ansluten');
    expect(said('connected', 'en')).toBe('Regional server: connected');
    expect(relayBadge(relay({ state: 'offline' })).tone).toBe('bad');
    expect(relayBadge(relay({ state: 'connecting' })).tone).toBe('wait');
  });
});
