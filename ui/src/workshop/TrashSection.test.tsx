import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../backend/viewChange';
import { SessionContext, type SessionState } from '../facilitation/context';
import { LanguageContext, type Language } from '../i18n';
import type { LocalView, TrashEntry, ViewChange, WorkshopView } from '../types';
import { sampleView } from './fixture.test-data';
import { TrashSection } from './TrashSection';
import { WorkshopPage } from './WorkshopPage';

const trash: TrashEntry[] = [
  { id: 't2', what: 'board', label: 'Persoonat', deleted_at: Date.UTC(2026, 2, 5, 12, 30) },
  { id: 't1', what: 'session', label: 'Toinen kokoontuminen', deleted_at: Date.UTC(2026, 2, 5, 12, 0) },
];

const as = (role: string): SessionState => ({
  local: { me: null, role, drafts: [], votes_left: null, my_votes: [], cafe_station: null, locked: [] } satisfies LocalView,
  here: { board: null, selected: new Set() },
  setHere: () => undefined,
  viewport: { current: null },
  follow: null,
  spotlight: null,
});

function section(entries: TrashEntry[], lang: Language = 'fi'): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <TrashSection trash={entries} run={async () => ({ id: null })} onRestored={() => undefined} />
    </LanguageContext.Provider>,
  );
}

function page(role: string, view: WorkshopView = { ...sampleView, trash }): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value="fi">
      <SessionContext.Provider value={as(role)}>
        <WorkshopPage view={view} run={async () => ({ id: null })} onOpen={() => undefined} />
      </SessionContext.Provider>
    </LanguageContext.Provider>,
  );
}

describe('the trash (roskakori)', () => {
  it('lists each deleted board and session in plain Finnish, newest first, with when it went', () => {
    const html = section(trash);
    expect(html).toContain('<h2 id="trash-heading">Roskakori</h2>');
    expect(html.indexOf('Taulu «Persoonat»'), 'the newest first').toBeLessThan(html.indexOf('Kokoontuminen «Toinen kokoontuminen»'));
    expect(html).toMatch(/poistettu [^<]*2026/);
  });

  it('offers Palauta for each entry and emptying the trash, all as buttons', () => {
    const html = section(trash);
    expect(html).toContain('aria-label="Palauta: Taulu «Persoonat»"');
    expect(html).toContain('aria-label="Palauta: Kokoontuminen «Toinen kokoontuminen»"');
    expect(html).toMatch(/<button type="button"[^>]*>Tyhjennä roskakori<\/button>/);
  });

  it('says when it is empty, and offers nothing to empty', () => {
    const html = section([]);
    expect(html).toContain('Roskakori on tyhjä.');
    expect(html).not.toContain('Tyhjennä roskakori');
  });

  it('is named in Swedish and English too', () => {
    expect(section(trash, 'sv')).toContain('Papperskorg');
    expect(section(trash, 'sv')).toContain('>Återställ</button>');
    expect(section(trash, 'en')).toContain('>Trash</h2>');
  });

  it('is on the facilitator’s workshop page, with a Poista for each board; a participant sees neither', () => {
    const facilitator = page('facilitator');
    expect(facilitator).toContain('Roskakori');
    expect(facilitator).toContain('aria-label="Poista taulu: Maija, 34"');
    const participant = page('participant');
    expect(participant).not.toContain('Roskakori');
    expect(participant).not.toContain('data-testid="delete-board"');
  });

  it('follows the trash in the changes the core sends', () => {
    const change: ViewChange = {
      revision: 1, complete: false, meta: null, sessions: null, comments: null, control: null, trash, boards: [], removed_boards: [],
    };
    const view = applyChange({ ...sampleView, trash: [] }, change);
    expect(view.trash.map((e) => e.id)).toEqual(['t2', 't1']);
    const emptied = applyChange(view, { ...change, trash: [] });
    expect(emptied.trash).toEqual([]);
  });
});
