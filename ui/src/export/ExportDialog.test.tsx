import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExportCommands } from '../backend/export';
import { LanguageContext, type Language } from '../i18n';
import { sampleView } from '../workshop/fixture.test-data';
import { ExportDialog } from './ExportDialog';

const commands: ExportCommands = {
  defaultPath: async () => '/koti/Paja/Työpaja.pdf',
  exportWorkshop: async (r) => r.path,
  onProgress: () => () => undefined,
  chooseSavePath: async () => null,
  reveal: async () => undefined,
};

const render = (props: { board?: string; lang?: Language } = {}) =>
  renderToStaticMarkup(
    <LanguageContext.Provider value={props.lang ?? 'fi'}>
      <ExportDialog commands={commands} view={sampleView} board={props.board ?? null} onClose={() => undefined} />
    </LanguageContext.Provider>,
  );

describe('the Vie dialog', () => {
  it('is a labelled modal dialog offering every format, the report chosen', () => {
    const html = render();
    expect(html).toContain('aria-modal="true"');
    expect(html).toMatch(/<h2 id="[^"]+">Vie työpaja tiedostoksi<\/h2>/);
    for (const label of ['Raportti (PDF)', 'Juliste A3 (PDF)', 'Taulu kuvana (PNG)', 'Koko työpaja (JSON)', 'Taulu JSON Canvas -tiedostona', 'Kortit ja äänet taulukkona (CSV)']) {
      expect(html).toContain(label);
    }
    expect(html).toMatch(/<input type="radio" name="export-format" checked="" value="pdf"\/>/);
  });

  it('has names and organisation off until the person turns them on', () => {
    const html = render();
    expect(html).toMatch(/<input type="checkbox"\/> Näytä nimet/);
    expect(html).toMatch(/<input type="checkbox"\/> Näytä organisaatio/);
  });

  it('offers the current state as the version and the system save dialog as Vaihda…', () => {
    const html = render();
    expect(html).toContain('<option value="" selected="">Nykyinen tila</option>');
    expect(html).toContain('>Vaihda…</button>');
  });

  it('opened from a board, starts from that board as a picture, archived boards left out', () => {
    const html = render({ board: 'b2' });
    expect(html).toMatch(/checked="" value="png"/);
    expect(html).toContain('<option value="b2" selected="">Maijan polku</option>');
    expect(html).not.toContain('Vanha luonnos');
  });

  it('speaks Swedish and English too', () => {
    expect(render({ lang: 'sv' })).toContain('Exportera workshoppen till en fil');
    expect(render({ lang: 'en' })).toContain('Show names');
  });
});
