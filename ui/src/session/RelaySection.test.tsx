import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import type { RelayStatus, SavedRelay } from '../types';
import { RelaySection } from './RelaySection';

const connected: RelayStatus = { state: 'connected', address: 'wss://alue.example:8443', workshop: 'ryhma-1', refusal: null };
const saved: SavedRelay = { url: 'wss://alue.example:8443', workshop: 'ryhma-1', token_saved: true, on: true };
const answer = async () => null;

const render = (relay: RelayStatus | null, kept: SavedRelay | null, lang: Language = 'fi') =>
  renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <RelaySection relay={relay} saved={kept} onConnect={answer} onDisconnect={answer} />
    </LanguageContext.Provider>,
  );

describe('the Alueen palvelin section of the Jaa työpaja dialog', () => {
  it('asks for the address, the workshop\'s name and the token, each a labelled field, with Yhdistä', () => {
    const html = render(null, null);
    expect(html).toMatch(/<h3 id="relay-heading">Alueen palvelin<\/h3>/);
    expect(html).toMatch(/<label>Palvelimen osoite<input[^>]+data-testid="relay-address"/);
    expect(html).toMatch(/<label>Työpajan nimi palvelimella<input[^>]+data-testid="relay-workshop"/);
    expect(html).toMatch(/<label>Tunnus<input type="password"[^>]+data-testid="relay-token"/);
    expect(html).toContain('>Yhdistä</button>');
    expect(html, 'nothing to disconnect while off').not.toContain('Katkaise');
    expect(html).toContain('Ei yhdistetty palvelimeen.');
  });

  it('says the state in words and offers Katkaise while the relay is on', () => {
    const html = render(connected, saved);
    expect(html).toMatch(/<p role="status" data-testid="relay-state" data-relay="connected">Yhdistetty palvelimeen wss:\/\/alue.example:8443/);
    expect(html).toContain('>Katkaise</button>');
  });

  it('fills in the address and the name kept in the file, never the token, and says the token is kept', () => {
    const html = render(null, { ...saved, on: false });
    expect(html).toContain('value="wss://alue.example:8443"');
    expect(html).toContain('value="ryhma-1"');
    expect(html, "the token field stays empty").toMatch(/<input type="password"[^>]*data-testid="relay-token" value=""/);
    expect(html).toContain('Paja muistaa tunnuksen. Jätä kenttä tyhjäksi, niin Paja käyttää sitä.');
  });

  it('says only published content leaves, in Finnish, Swedish and English', () => {
    expect(render(null, null)).toContain('Palvelimelle lähtee vain julkaistu sisältö.');
    expect(render(null, null, 'sv')).toContain('Regionens server');
    expect(render(connected, saved, 'en')).toContain('>Disconnect</button>');
  });
});
