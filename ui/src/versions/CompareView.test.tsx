import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import type { VersionDiff } from '../types';
import { DiffList } from './CompareView';
import { diffBoards, versionDate } from './diffList';

const diff: VersionDiff = {
  from: 'Malliluonnos 0.1',
  to: '',
  boards: [
    {
      board_id: 'b1',
      title: 'Maija, 34',
      kind: 'persona',
      change: 'changed',
      added: [{ id: 'p2', item_type: 'Persona', label: 'Åke', fields: [] }],
      removed: [],
      changed: [{ id: 'p1', item_type: 'Persona', label: 'Maija', fields: ['life_situation', 'goal'] }],
    },
    { board_id: 'b9', title: 'Ideaseinä', kind: 'idea_wall', change: 'added', added: [], removed: [], changed: [] },
  ],
};

const render = (d: VersionDiff, lang: Language = 'fi') =>
  renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <DiffList diff={d} label={(name) => name || 'Nykyinen tila'} />
    </LanguageContext.Provider>,
  );

describe('the comparison of two versions', () => {
  it('has a heading per board and plain lists of what was added and changed', () => {
    const html = render(diff);
    expect(html).toContain('Muutokset: Malliluonnos 0.1 → Nykyinen tila');
    expect(html).toMatch(/<h5 id="diff-b1">Maija, 34 <span class="hint">\(muutettu taulu\)<\/span><\/h5>/);
    expect(html).toMatch(/Lisätty<\/p><ul><li>Åke<\/li><\/ul>/);
    expect(html).toContain('Maija<span class="hint"> – muuttui: elämäntilanne, tavoite</span>');
    expect(html).not.toContain('Poistettu</p>');
    expect(html).toContain('Ideaseinä <span class="hint">(uusi taulu)</span>');
  });

  it('says so when nothing changed', () => {
    expect(render({ from: 'Versio 1.0', to: 'Versio 1.1', boards: [] })).toContain('<p>Ei muutoksia.</p>');
  });

  it('keeps only the kinds of change a board has, in the order added, removed, changed', () => {
    expect(diffBoards(diff)[0].sections.map((s) => s.key)).toEqual(['added', 'changed']);
  });

  it('shows a version date in the chosen language', () => {
    expect(versionDate('2026-03-01T09:30:00Z', 'fi')).toMatch(/2026/);
    expect(versionDate('not a date', 'fi')).toBe('not a date');
  });

  it('speaks Swedish, field names too', () => {
    expect(render(diff, 'sv')).toContain('Tillagt');
    expect(render(diff, 'sv')).not.toContain('life_situation');
  });
});
