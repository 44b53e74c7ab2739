import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend';
import { fakeFiles } from '../backend/fake';
import { LanguageContext, translator, type Language } from '../i18n';
import type { StartState } from '../types';
import { Desktop } from './desktop';
import { refusalText } from './refusal';
import { StartScreen } from './StartScreen';

const recent: StartState['recent'] = [
  { path: '/koti/Paja/Kevään työpaja.paja', title: 'Kevään työpaja', opened_at: '2026-03-02T10:00:00Z' },
  { path: '/koti/Paja/Rikki.paja', title: 'Rikki mennyt', opened_at: '2026-03-01T09:30:00Z' },
];
const damaged = new BackendError('damaged', '/koti/Paja/Rikki.paja is damaged: it is cut short.');
const tooNew = new BackendError('too_new', '/koti/Tulevaisuus.paja was made by a newer Paja.');

/** A Desktop over the test double, started as the App starts it. */
async function started(state: Partial<StartState> = {}) {
  const files = fakeFiles({ recent, open: null, launch: null, ...state }, { '/koti/Paja/Rikki.paja': damaged, '/koti/Tulevaisuus.paja': tooNew });
  const desktop = new Desktop(files);
  let openedTimes = 0;
  desktop.start(() => openedTimes++);
  await settle(desktop);
  return { files, desktop, opened: () => openedTimes };
}

/** Waits until no file action is running. */
async function settle(desktop: Desktop) {
  for (let i = 0; i < 20 && (desktop.snapshot.state === null || desktop.snapshot.busy); i++) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
}

function render(desktop: Desktop, lang: Language = 'fi'): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <StartScreen desktop={{ desktop, now: desktop.snapshot }} onContinue={() => undefined} />
    </LanguageContext.Provider>,
  );
}

describe('the start screen', () => {
  it('lists the recent workshops as buttons with title, time and folder, newest first', async () => {
    const { desktop } = await started();
    const html = render(desktop);
    expect(html).toContain('<h1>Työpajat</h1>');
    expect(html).toContain('<ul class="recent-list" aria-label="Viimeksi avatut">');
    expect(html.indexOf('Kevään työpaja'), 'the newest first').toBeLessThan(html.indexOf('Rikki mennyt'));
    expect(html).toContain('Kansio: /koti/Paja');
    expect(html).toMatch(/Avattu [^<]*2026/);
    expect(html.match(/<button type="button" class="recent-item"/g), 'each one is a button, reached with Tab').toHaveLength(2);
  });

  it('offers a new workshop from PAKU or empty, opening a file, and the example', async () => {
    const html = render((await started()).desktop);
    expect(html).toContain('Uusi työpaja');
    expect(html).toContain('PAKU-prosessi: 10 kokoontumista valmiina');
    expect(html).toContain('Tyhjä työpaja');
    expect(html).toContain('Avaa tiedosto…');
    expect(html).toContain('Kokeile esimerkkiä');
    expect(html).toContain('data-testid="open-from-server">Avaa palvelimelta</button>');
    expect(html, 'no open workshop, so nothing to save or close').not.toContain('Tallenna nimellä…');
  });

  it('opens the file the app was started with, and then shows save as and close for it', async () => {
    const { desktop, files, opened } = await started({ launch: { file: '/koti/Paja/Kevään työpaja.paja' } });
    expect(files.calls).toEqual(['open /koti/Paja/Kevään työpaja.paja']);
    expect(opened(), 'the App goes to the workshop').toBe(1);
    expect(desktop.snapshot.openKey, 'the view is fetched again').toBe(1);
    const html = render(desktop);
    expect(html).toContain('Tallenna nimellä…');
    expect(html).toContain('Sulje työpaja');
    expect(html).toContain('>Kevään työpaja</strong>');
  });

  it('names a damaged file from the recent list in one Finnish sentence, and keeps working', async () => {
    const { desktop, files } = await started();
    await desktop.act('/koti/Paja/Rikki.paja', () => files.open('/koti/Paja/Rikki.paja'));
    const html = render(desktop);
    expect(html).toContain('role="alert"');
    expect(html).toContain('data-error-code="damaged"');
    expect(html).toContain('<p>Tiedostoa Rikki.paja ei voi avata, koska se on vaurioitunut.</p>');
    expect(html, "the core's English sentence is never shown").not.toContain('is damaged');
    await desktop.act('', () => files.newWorkshop('Syksyn työpaja', 'paku'));
    expect(desktop.snapshot.refusal, 'a new workshop after the refusal works').toBeNull();
    expect(desktop.snapshot.state?.open?.title).toBe('Syksyn työpaja');
  });

  it('names a file from a newer Paja that the app was started with', async () => {
    const { desktop } = await started({ launch: { file: '/koti/Tulevaisuus.paja' } });
    expect(desktop.snapshot.state?.open, 'nothing is open').toBeNull();
    expect(render(desktop)).toContain('Tiedosto Tulevaisuus.paja on uudemmasta Pajasta. Tämä Paja ei voi avata sitä.');
    expect(render(desktop, 'sv')).toContain('Filen Tulevaisuus.paja har gjorts med en nyare Paja');
  });

  it('opens a file dropped on the window, and the demo when started with --demo', async () => {
    const { desktop, files } = await started({ launch: 'demo' });
    expect(desktop.snapshot.state?.open?.title).toBe('Esimerkkityöpaja');
    files.drop('/koti/Paja/Kevään työpaja.paja');
    await settle(desktop);
    expect(files.calls).toEqual(['demo /koti/.local/share/paja/demo.paja', 'open /koti/Paja/Kevään työpaja.paja']);
    expect(desktop.snapshot.state?.open?.path).toBe('/koti/Paja/Kevään työpaja.paja');
  });

  it('closes the open workshop, back to nothing open', async () => {
    const { desktop, files } = await started({ launch: 'demo' });
    await desktop.act('', () => files.close());
    expect(desktop.snapshot.state?.open).toBeNull();
    expect(render(desktop)).not.toContain('Sulje työpaja');
  });

  it('opens a workshop from the region\'s server, which then shows as the open one', async () => {
    const { desktop, files, opened } = await started();
    await files.openFromServer('wss://alue.example:8443', 'lukija', 'ryhma-1');
    await settle(desktop);
    expect(files.calls).toEqual(['server wss://alue.example:8443 /koti/.local/share/paja/server/ryhma-1.paja']);
    expect(opened(), 'the App goes to the workshop').toBe(1);
    const html = render(desktop);
    expect(html).toContain('>ryhma-1</strong> <span class="recent-meta">Vain luku</span>');
    expect(html, 'a copy of the server\'s has no own file to save under another name').not.toContain('Tallenna nimellä…');
    expect(desktop.snapshot.state?.recent.map((r) => r.title), 'nor is it a recent file of the person\'s own').not.toContain('ryhma-1');
  });

  it('says every refusal in Swedish and English too, with the file name', () => {
    const refusal = { path: 'C:\\Users\\Åsa\\talo.paja', error: new BackendError('not_paja', 'x') };
    expect(refusalText(translator('fi'), refusal)).toBe('Tiedosto talo.paja ei ole Pajan työpaja.');
    expect(refusalText(translator('sv'), refusal)).toBe('Filen talo.paja är inte en Paja-workshop.');
    expect(refusalText(translator('en'), { ...refusal, error: new BackendError('sqlite', 'x') })).toBe('The file talo.paja cannot be opened.');
  });
});
