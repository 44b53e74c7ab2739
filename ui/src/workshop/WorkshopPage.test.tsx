import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext } from '../i18n';
import { WorkshopPage } from './WorkshopPage';
import { sampleView } from './fixture.test-data';

function render(lang: 'fi' | 'sv' | 'en' = 'fi'): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <WorkshopPage view={sampleView} run={async () => ({ id: null })} onOpen={() => undefined} />
    </LanguageContext.Provider>,
  );
}

describe('WorkshopPage', () => {
  it('shows the workshop title as the one h1', () => {
    const html = render();
    expect(html.match(/<h1/g), 'a page has exactly one top heading').toHaveLength(1);
    expect(html).toContain('>Palvelupolut kuntoon</h1>');
  });

  it('lists boards inside a list labelled Taulut, with their kind in plain Finnish', () => {
    const html = render();
    expect(html).toContain('<ul aria-label="Taulut"');
    expect(html).toContain('Maija, 34</span> <span class="board-kind">(Persoona)</span>');
    expect(html, 'each live board can be opened').toContain('aria-label="Avaa: Maija, 34"');
    expect(html).toContain('(Palvelupolku)');
    const live = html.slice(html.indexOf('<ul aria-label="Taulut"'), html.indexOf('<details'));
    expect(live, 'archived boards are not in the live list').not.toContain('Vanha luonnos');
    expect(html.slice(html.indexOf('<details')), 'archived boards are listed apart').toContain('Vanha luonnos');
  });

  it('shows each step with its instructions and support questions', () => {
    const html = render();
    expect(html).toContain('Tehkää persoona ryhmissä.');
    expect(html).toContain('<li>Mikä on persoonan arki?</li>');
    expect(html).toContain('(45 min)');
  });

  it('has a main landmark and follows the chosen language', () => {
    expect(render()).toContain('<main>');
    expect(render('sv')).toContain('<ul aria-label="Tavlor"');
    expect(render('en')).toContain('(Service path)');
  });
});
