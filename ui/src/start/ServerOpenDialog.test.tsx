import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import { ServerOpenDialog } from './ServerOpenDialog';

const render = (lang: Language = 'fi') =>
  renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <ServerOpenDialog onOpen={async () => null} onClose={() => undefined} />
    </LanguageContext.Provider>,
  );

describe('the Avaa palvelimelta dialog', () => {
  it('is a labelled modal dialog asking for the address, the workshop\'s name and the token', () => {
    const html = render();
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-modal="true"');
    expect(html).toMatch(/<h2 id="[^"]+">Avaa palvelimelta<\/h2>/);
    expect(html).toContain('Voit vain lukea sitä.');
    expect(html).toMatch(/<label>Palvelimen osoite<input[^>]+data-testid="server-address"/);
    expect(html).toMatch(/<label>Työpajan nimi palvelimella<input[^>]+data-testid="server-workshop"/);
    expect(html).toMatch(/<label>Tunnus<input type="password"[^>]+data-testid="server-token"/);
    expect(html).toContain('data-testid="server-open-submit">Avaa</button>');
  });

  it('speaks Swedish and English too', () => {
    expect(render('sv')).toContain('Öppna från servern');
    expect(render('en')).toContain('You can only read it.');
  });
});
