import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SessionContext, type SessionState } from '../facilitation/context';
import { LanguageContext } from '../i18n';
import type { LocalView } from '../types';
import { sampleView } from './fixture.test-data';
import { WorkshopPage } from './WorkshopPage';

const as = (role: string): SessionState => ({
  local: { me: null, role, drafts: [], votes_left: null, my_votes: [], cafe_station: null, locked: [] } satisfies LocalView,
  here: { board: null, selected: new Set() },
  setHere: () => undefined,
  viewport: { current: null },
  follow: null,
  spotlight: null,
});

function render(role: string): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value="fi">
      <SessionContext.Provider value={as(role)}>
        <WorkshopPage view={sampleView} run={async () => ({ id: null })} onOpen={() => undefined} />
      </SessionContext.Provider>
    </LanguageContext.Provider>,
  );
}

// A field inside a disabled fieldset is disabled too, as the browser treats it.
const outsideDisabled = (html: string) => html.replace(/<fieldset disabled=""[^>]*>[\s\S]*?<\/fieldset>/g, '');
const inputs = (html: string) => outsideDisabled(html).match(/<(input|textarea|select)\b[^>]*>/g) ?? [];
const enabledFields = (html: string) => inputs(html).filter((tag) => !/\bdisabled\b/.test(tag));
const buttonNamed = (html: string, label: string) => html.includes(`aria-label="${label}"`);

describe('planning on the workshop page', () => {
  it('gives the facilitator the workshop’s name, organiser (hidden in exports) and version to edit', () => {
    const html = render('facilitator');
    expect(html).toContain('value="Palvelupolut kuntoon"');
    expect(html).toContain('value="Hyvinvointialue"');
    expect(html).toContain('Järjestäjä ei näy viedyissä tiedostoissa');
    expect(html).toContain('value="Malliluonnos 0.3"');
  });

  it('lists the sessions in order, each with its name, date and buttons to move and delete', () => {
    const html = render('facilitator');
    expect(html.indexOf('value="Ensimmäinen kokoontuminen"'), 'order 1 comes first').toBeLessThan(html.indexOf('value="Toinen kokoontuminen"'));
    expect(html).toContain('value="2026-02-03"');
    expect(html).toMatch(/<button type="button" disabled="" aria-label="Siirrä ylös: Ensimmäinen kokoontuminen"/);
    expect(html).toMatch(/<button type="button" aria-label="Siirrä alas: Ensimmäinen kokoontuminen"/);
    expect(buttonNamed(html, 'Poista: Toinen kokoontuminen')).toBe(true);
    expect(html).toContain('>Lisää kokoontuminen</button>');
  });

  it('shows each step’s fields, its support questions one per line, and the board it works on', () => {
    const html = render('facilitator');
    expect(html).toContain('value="Tutustuminen"');
    expect(html.indexOf('value="Tutustuminen"'), 'steps in their order').toBeLessThan(html.indexOf('value="Persoonat"'));
    expect(html).toContain('>Mikä on persoonan arki?</textarea>');
    expect(html).toContain('value="45"');
    expect(html).toMatch(/<option value="b1" selected="">Maija, 34 \(Persoona\)<\/option>/);
    expect(html, 'an archived board is not offered to a step').not.toContain('<option value="b4"');
    expect(buttonNamed(html, 'Siirrä alas: Tutustuminen')).toBe(true);
    expect(buttonNamed(html, 'Lisää vaihe: Ensimmäinen kokoontuminen')).toBe(true);
    expect(html).toContain('aria-keyshortcuts="Control+Z"');
  });

  it('shows a participant the plan read-only: steps, questions and the board by name, no plan controls', () => {
    const html = render('participant');
    expect(html).toContain('<li>Mikä on persoonan arki?</li>');
    expect(html).toContain('Taulu: Maija, 34');
    expect(html).not.toContain('Siirrä ylös');
    expect(html).not.toContain('Lisää kokoontuminen');
    expect(html).not.toContain('Työpajan tiedot');
    expect(html, 'only the facilitator archives boards').not.toContain('aria-label="Arkistoi:');
  });

  it('gives an observer no field to write in and no button that changes anything', () => {
    const html = render('observer');
    expect(html).toContain('Seuraat sivusta. Et voi muuttaa mitään.');
    expect(enabledFields(html), 'every field an observer sees is disabled').toEqual([]);
    const buttons = (html.match(/<button[^>]*>[^<]*/g) ?? []).join('\n');
    expect(buttons, 'an observer can only open and read').not.toMatch(/Lisää|Nimeä uudelleen|Arkistoi|Poista|Vastaa|Merkitse ratkaistuksi|Tee taulu/);
    expect(html, 'the observer still reads the open comments').toContain('Onko Maija liian nuori?');
  });
});
