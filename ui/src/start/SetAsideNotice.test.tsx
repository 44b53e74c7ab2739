import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import { SetAsideNotice } from './SetAsideNotice';

function render(count: number, lang: Language = 'fi'): string {
  return renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <SetAsideNotice count={count} />
    </LanguageContext.Provider>,
  );
}

describe('the notice of changes set aside', () => {
  it('says in one sentence, as a status, that changes were set aside and are kept', () => {
    expect(render(1)).toContain('role="status"');
    expect(render(1)).toContain('Yksi tiedoston muutos ei sopinut työpajaan');
    expect(render(3)).toContain('3 tiedoston muutosta');
    expect(render(3, 'sv')).toContain('3 ändringar');
    expect(render(3, 'en')).toContain('They are kept in the file');
  });

  it('says nothing when nothing was set aside', () => {
    expect(render(0)).toBe('');
  });
});
