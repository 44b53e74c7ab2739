import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import type { LiveStatus, RelayStatus } from '../types';
import { RelayLine } from './RelayLine';

const relay: RelayStatus = { state: 'connected', address: 'wss://alue.example:8443', workshop: 'ryhma-1', refusal: null };
const status = (over: Partial<LiveStatus>): LiveStatus => ({
  mode: 'hosting',
  role: 'facilitator',
  connection: 'connected',
  refusal: null,
  undone: null,
  people: 1,
  presence: [],
  hosting: null,
  read: 1,
  relay: null,
  ...over,
});
const render = (s: LiveStatus, lang: Language = 'fi') =>
  renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <RelayLine status={s} />
    </LanguageContext.Provider>,
  );

describe('the relay on the session bar', () => {
  it('says nothing while the relay is off', () => {
    expect(render(status({}))).toBe('');
  });

  it('says the facilitator\'s relay is connected, as a status', () => {
    const html = render(status({ relay }));
    expect(html).toContain('role="status"');
    expect(html).toContain('data-relay="connected"');
    expect(html).toContain('Alueen palvelin: yhdistetty');
  });

  it('says a refusal in one sentence, by its code', () => {
    const refused = { ...relay, state: 'refused' as const, refusal: { code: 'relay_refused' as const, message: 'unknown token' } };
    const html = render(status({ relay: refused }));
    expect(html).toContain('Alueen palvelin: ei hyväksytty');
    expect(html).toContain('data-error-code="relay_refused"');
    expect(html).toContain('Alueen palvelin ei hyväksy tunnusta.');
    expect(html, 'the server\'s own words stay in the log').not.toContain('unknown token');
  });

  it('leaves out why the last attempt failed while the relay is only offline: the word says it', () => {
    const offline = { ...relay, state: 'offline' as const, refusal: { code: 'relay_unreachable' as const, message: 'x' } };
    const html = render(status({ relay: offline }));
    expect(html).toContain('Alueen palvelin: ei yhteyttä');
    expect(html).not.toContain('data-testid="relay-refusal"');
  });

  it('marks a copy read from the server Vain luku, in Finnish, Swedish and English', () => {
    const reading = status({ mode: 'reading', role: 'observer', relay });
    expect(render(reading)).toContain('<strong>Vain luku</strong> Tämä on palvelimen kopio. Sitä voi vain lukea.');
    expect(render(reading, 'sv')).toContain('<strong>Endast läsning</strong>');
    expect(render(reading, 'en')).toContain('<strong>Read only</strong>');
  });
});
