import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import { JoinDialog } from '../session/JoinDialog';
import { JoinPage } from './JoinPage';

const inLang = (lang: Language, node: React.ReactNode) =>
  renderToStaticMarkup(<LanguageContext.Provider value={lang}>{node}</LanguageContext.Provider>);

const observeBox = /<input type="checkbox" aria-describedby="([^"]+)" data-testid="join-observe"\/> Haluan vain seurata/;

describe('joining as an observer', () => {
  it('the browser join page offers "Haluan vain seurata", unticked, with what it means', () => {
    const html = inLang('fi', <JoinPage code="ABCDEF" onJoin={() => undefined} />);
    const box = observeBox.exec(html);
    expect(box, 'a labelled checkbox, not ticked').not.toBeNull();
    expect(html).toContain(`id="${box![1]}">Näet kaiken, mutta et kirjoita mitään.</p>`);
  });

  it('the desktop join dialog offers the same choice', () => {
    const html = inLang('fi', <JoinDialog findHubs={async () => []} initialName="Eeva" onJoin={async () => null} onClose={() => undefined} />);
    expect(html).toMatch(observeBox);
  });

  it('says it in Swedish and English too', () => {
    expect(inLang('sv', <JoinPage code="ABCDEF" onJoin={() => undefined} />)).toContain('Jag vill bara följa med');
    expect(inLang('en', <JoinPage code="ABCDEF" onJoin={() => undefined} />)).toContain('I only want to follow');
  });
});
