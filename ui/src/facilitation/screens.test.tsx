import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../i18n';
import type { WorkshopView } from '../types';
import { SessionContext, type SessionState } from './context';
import { liveView, localOf } from './fixture.test-data';
import { JoinPage } from './JoinPage';
import type { LocalView } from '../types';
import { LiveSession } from './LiveSession';

function render(view: WorkshopView, local: LocalView, lang: Language = 'fi'): string {
  const session: SessionState = {
    local,
    here: { board: null, selected: new Set() },
    setHere: () => undefined,
    viewport: { current: null },
    follow: null,
    spotlight: null,
  };
  return renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <SessionContext.Provider value={session}>
        <LiveSession view={view} run={async () => ({ id: null, view })} />
      </SessionContext.Provider>
    </LanguageContext.Provider>,
  );
}

describe('the live session screens', () => {
  it('shows the facilitator’s tools to the facilitator only', () => {
    const view = liveView();
    expect(render(view, localOf('facilitator'))).toContain('Ohjaajan työkalut');
    expect(render(view, localOf('facilitator'))).toContain('Tuo kaikki tänne');
    expect(render(view, localOf('participant')), 'a participant never sees them').not.toContain('facilitator-bar');
    expect(render(view, localOf('observer'))).not.toContain('Tuo kaikki tänne');
  });

  it('shows everyone the current step with its instructions and support questions', () => {
    const html = render(liveView({ current_session: 's1', current_step: 'st2' }), localOf('participant'));
    expect(html).toContain('Nyt: Persoonat');
    expect(html).toContain('Tehkää persoona ryhmissä.');
    expect(html).toContain('<li>Mikä on persoonan arki?</li>');
  });

  it('says in words, in a live region, that time is up', () => {
    const html = render(liveView({ timer: { started_at_ms: 0, seconds: 60, running: true } }), localOf('participant'));
    expect(html).toMatch(/<p aria-live="assertive"[^>]*>Aika loppui!<\/p>/);
    expect(html).toContain('0:00');
  });

  it('tells the facilitator how many late cards wait, and offers to show them', () => {
    const html = render(liveView({ silent: { board: 'b3', anonymous: true, revealed: true, late: 2 } }), localOf('facilitator'));
    expect(html).toContain('2 myöhässä tullutta korttia odottaa');
    expect(html).toContain('Näytä myöhästyneet kortit');
  });

  it('keeps a participant’s silent cards private and says so', () => {
    const local = localOf('participant', 'p-olli', { drafts: [{ id: 'd1', board: 'b3', text: 'Oma ajatus' }] });
    const html = render(liveView({ silent: { board: 'b3', anonymous: true, revealed: false, late: 0 } }), local);
    expect(html).toContain('Vain sinä näet nämä.');
    expect(html).toContain('Kortit näkyvät ilman nimeä.');
    expect(html).toContain('Oma ajatus');
    expect(render(liveView({ silent: { board: 'b3', anonymous: true, revealed: true, late: 0 } }), local), 'after the reveal the panel goes').not.toContain(
      'Vain sinä näet nämä.',
    );
  });

  it('tells a café participant where their group is and what the question is', () => {
    const html = render(liveView({ cafe: { board: 'cafe', round: 2 } }), localOf('participant', 'p-olli'));
    expect(html).toContain('Ryhmäsi Ryhmä 1 on pisteellä 2.');
    expect(html).toContain('Mikä on vaikeaa?');
    expect(html, 'the earlier group’s note is there to read').toContain('Jonot ovat pitkiä');
    const host = render(liveView({ cafe: { board: 'cafe', round: 2 } }), localOf('participant', 'p-hanna'));
    expect(host).toContain('Olet pisteen 1 emäntä tai isäntä.');
  });

  it('names the spotlighted card for everyone', () => {
    expect(render(liveView({ spotlight: 'st-c' }), localOf('participant'))).toContain('Ohjaaja nostaa esiin: <strong>Mitä toivot?</strong>');
  });

  it('speaks Swedish and English too', () => {
    expect(render(liveView(), localOf('facilitator'), 'sv')).toContain('Ta alla hit');
    expect(render(liveView(), localOf('facilitator'), 'en')).toContain('Bring everyone here');
  });
});

describe('the browser join page', () => {
  it('says what is shared, with whom, and where it is kept, in plain words', () => {
    const html = renderToStaticMarkup(
      <LanguageContext.Provider value="fi">
        <JoinPage code="ABCDEF" onJoin={() => undefined} />
      </LanguageContext.Provider>,
    );
    expect(html).toContain('Jaat sen, mitä kirjoitat, ja nimesi.');
    expect(html).toContain('Ne näkevät ohjaaja ja muut tähän työpajaan liittyneet.');
    expect(html, 'it says what is encrypted and who can read it').toContain('kulkevat salattuina tämän selaimen ja ohjaajan tietokoneen välillä');
    expect(html, 'and what is not encrypted').toContain('Itse sivua Paja ei salaa.');
    expect(html).toContain('Tiedot tallentuvat ohjaajan tietokoneelle.');
    expect(html).toContain('Mitään ei lähetetä internetiin.');
  });
});
