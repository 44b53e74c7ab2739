import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import type { Hosting } from '../types';
import { HostDialog } from './HostDialog';

const hosting: Hosting = {
  code: 'KXR4TZ',
  join_link: 'paja://192.168.1.20:7070?code=KXR4TZ&fp=00ff',
  qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  addresses: ['192.168.1.20:7070'],
  fingerprint: '00ff',
  lobby: [{ id: 7, name: 'Åke Öhman' }],
  members: [{ person: 'p1', name: 'Selma Öhman', role: 'participant' }],
  auto_admit: false,
  browser_link: 'http://192.168.1.20:7070/join#code=KXR4TZ&key=0f0f',
  browser_qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>',
};

const render = (lang: Language = 'fi') =>
  renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <HostDialog hosting={hosting} relay={{ relay: null, saved: null, onConnect: async () => null, onDisconnect: async () => null }} onAdmit={() => undefined} onDeny={() => undefined} onRemove={() => undefined} onAutoAdmit={() => undefined} onStop={() => undefined} onClose={() => undefined} />
    </LanguageContext.Provider>,
  );

describe('the Jaa työpaja dialog', () => {
  it('is a labelled modal dialog showing the code, the QR picture and the address', () => {
    const html = render();
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-modal="true"');
    expect(html).toMatch(/<h2 id="[^"]+">Jaa työpaja<\/h2>/);
    expect(html).toContain('>KXR4TZ</p>');
    expect(html).toMatch(/<img[^>]+alt="QR-koodi, josta pääsee liittymään"/);
    expect(html).toContain('192.168.1.20:7070');
  });

  it('lists who waits in the lobby with buttons to let them in or refuse, and the auto-admit switch', () => {
    const html = render();
    expect(html).toContain('Åke Öhman');
    expect(html).toContain('aria-label="Päästä sisään: Åke Öhman"');
    expect(html).toContain('aria-label="Hylkää: Åke Öhman"');
    expect(html).toMatch(/role="switch"/);
  });

  it('lists who is in, each with a button to remove them from the workshop', () => {
    const html = render();
    expect(html).toContain('aria-label="Poista työpajasta: Selma Öhman"');
    expect(html).toContain('eikä hänen tunnisteensa enää toimi');
  });

  it('has the Alueen palvelin section, to relay the workshop to the region\'s server', () => {
    const html = render();
    expect(html).toContain('data-testid="relay-section"');
    expect(html).toContain('>Alueen palvelin</h3>');
  });

  it('speaks Swedish and English too', () => {
    expect(render('sv')).toContain('Dela workshoppen');
    expect(render('en')).toContain('Let in');
  });

  it('offers browser participants their own link and QR code, and says what is encrypted', () => {
    const html = render();
    expect(html).toContain('>Selaimella</h3>');
    expect(html).toContain('http://192.168.1.20:7070/join#code=KXR4TZ&amp;key=0f0f');
    expect(html).toContain('alt="QR-koodi selaimella liittymiseen"');
    expect(html).toContain('Paja salaa sen, mitä selain lähettää ja saa. Itse sivua Paja ei salaa.');
  });
});
