import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ItemList } from '../boards/ItemList';
import { SessionContext, type SessionState } from '../facilitation/context';
import { LanguageContext, type Language } from '../i18n';
import type { Board, Comment } from '../types';
import { sampleView } from '../workshop/fixture.test-data';
import { CommentPanel } from './CommentPanel';

const as = (role: string): SessionState => ({
  local: { me: null, role, drafts: [], votes_left: null, my_votes: [], cafe_station: null, locked: [] },
  here: { board: null, selected: new Set() },
  setHere: () => undefined,
  viewport: { current: null },
  follow: null,
  spotlight: null,
});

const run = async () => ({ id: null });

function wrap(node: React.ReactNode, role = 'participant', lang: Language = 'fi') {
  return renderToStaticMarkup(
    <LanguageContext.Provider value={lang}>
      <SessionContext.Provider value={as(role)}>{node}</SessionContext.Provider>
    </LanguageContext.Provider>,
  );
}

describe('the open comments panel', () => {
  it('lists the open threads per board with their authors and replies, and leaves resolved ones out', () => {
    const html = wrap(<CommentPanel view={sampleView} run={run} />);
    expect(html).toMatch(/<h2 id="[^"]+">Avoimet kommentit<\/h2>/);
    expect(html).toMatch(/<h3 id="[^"]+">Maija, 34<\/h3>/);
    expect(html).toContain('<strong class="comment-author">Aino: </strong>Onko Maija liian nuori?');
    expect(html).toContain('<strong class="comment-author">Åke: </strong>Ei ole.');
    expect(html).toContain('Koko taulu');
    expect(html, 'the resolved comment on the idea wall is not open').not.toContain('Valmis.');
    expect(html).toContain('>Merkitse ratkaistuksi</button>');
    expect(html).toContain('>Vastaa</button>');
  });

  it('says so when nothing is open, in the chosen language', () => {
    const quiet = { ...sampleView, comments: [] };
    expect(wrap(<CommentPanel view={quiet} run={run} />, 'participant', 'sv')).toContain('Inga öppna kommentarer.');
  });

  it('gives an observer the comments to read but no reply or resolve button', () => {
    const html = wrap(<CommentPanel view={sampleView} run={run} />, 'observer');
    expect(html).toContain('Onko Maija liian nuori?');
    expect(html).not.toContain('Vastaa');
    expect(html).not.toContain('Merkitse ratkaistuksi');
  });
});

describe('the comment count on an item in the list view', () => {
  it('shows how many comments each item has, as a button that opens its thread', () => {
    const board: Board = { id: 'f1', kind: 'free', title: 'Vapaa', session_id: null, archived: false, order: 1, cards: [
      { id: 'k1', text: 'Kotikäynnit', color: 'yellow', pos: { x: 0, y: 0 } },
      { id: 'k2', text: 'Chat', color: 'yellow', pos: { x: 0, y: 0 } },
    ] } as Board;
    const comments: Comment[] = [
      { id: 'c1', board_id: 'f1', target_id: 'k1', text: 'Miksi?', author: '', created_at: '1', reply_to: '', resolved: false, round: 0 },
      { id: 'c2', board_id: 'f1', target_id: 'k1', text: 'Siksi.', author: '', created_at: '2', reply_to: 'c1', resolved: false, round: 0 },
    ];
    const html = wrap(<ItemList board={board} comments={comments} run={run} />);
    expect(html).toContain('aria-label="Kommentteja: 2 (Kotikäynnit)"');
    expect(html).toContain('aria-label="Kommentteja: 0 (Chat)"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('Kommentteja: 2');
  });
});
