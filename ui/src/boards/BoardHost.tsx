import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Board, Command, Outcome, WorkshopView } from '../types';
import { useSession } from '../facilitation/context';
import { isObserver, lockedForMe } from '../facilitation/people';
import { CommentPanel } from '../comments/CommentPanel';
import { CommentToggle } from '../comments/CommentToggle';
import { countsOn } from '../comments/threads';
import { useCommentBadges } from '../comments/useCommentBadges';
import { useT } from '../i18n';
import { copyItems, pasteCommands, type Copied } from './clipboard';
import { BoardHostContext, type BoardHostState } from './host';
import { typing } from './focus';
import { ItemList } from './ItemList';
import { editorFor } from './registry';
import { matchingIds } from './search';
import { SuggestionPanel } from '../synthesis/SuggestionPanel';
import { isGroupable } from '../synthesis/texts';

type Props = {
  board: Board;
  view: WorkshopView;
  run: (cmd: Command) => Promise<Outcome>;
  media: (hash: string) => Promise<string>;
  onBack: () => void;
  tools?: ReactNode;
};

/** Copies live as long as the page: paste works across boards of the same kind. */
let clipboard: Copied | null = null;

/** One open board: its tools (view, search, undo, copy) and its editor or list. */
export function BoardHost({ board, view, run, media, onBack, tools }: Props) {
  const t = useT();
  const Editor = editorFor(board.kind);
  const [mode, setMode] = useState<'canvas' | 'list'>(Editor ? 'canvas' : 'list');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [fitRequest, setFitRequest] = useState(0);
  const [status, setStatus] = useState('');
  const [helping, setHelping] = useState<{ like: string | null } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const matches = useMemo(() => matchingIds(board, query), [board, query]);

  useEffect(() => heading.current?.focus(), [board.id]);
  useEffect(() => setHelping(null), [board.id]);

  // The live session sees which board is open and what is selected (to follow, lock, spotlight).
  const { local, setHere } = useSession();
  useEffect(() => setHere({ board: board.id, selected }), [board.id, selected, setHere]);
  useEffect(() => () => setHere({ board: null, selected: new Set() }), [setHere]);
  const locked = lockedForMe(view, local, board.id);
  const observer = isObserver(local);
  const counts = useMemo(() => countsOn(view.comments, board.id), [view.comments, board.id]);
  useCommentBadges(mode === 'canvas' ? counts : new Map());

  const toggleSelected = useCallback((id: string) => {
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const copy = useCallback(() => {
    clipboard = copyItems(board, selected);
    setStatus(t.plural('host.copied', clipboard.items.length));
  }, [board, selected, t]);

  const paste = useCallback(async () => {
    if (!clipboard) return;
    const made = new Set<string>();
    for (const cmd of pasteCommands(board, clipboard)) {
      const outcome = await run(cmd);
      if (outcome.id) made.add(outcome.id);
    }
    setSelected(made);
  }, [board, run]);

  const undo = useCallback(() => run({ cmd: 'undo' }), [run]);
  const redo = useCallback(() => run({ cmd: 'redo' }), [run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return;
      const key = e.key.toLowerCase();
      const act =
        key === 'z' ? (e.shiftKey ? redo : undo) : key === 'y' ? redo : key === 'c' ? copy : key === 'v' ? paste : null;
      if (act) {
        e.preventDefault();
        void act();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, copy, paste]);

  const host: BoardHostState = { query, matches, selected, setSelected, toggleSelected, fitRequest, media };

  return (
    <BoardHostContext.Provider value={host}>
      <header className="board-header">
        <button type="button" className="back" onClick={onBack}>
          ← {t('host.back')}
        </button>
        <h1 ref={heading} tabIndex={-1} data-testid="board-title-heading">
          {board.title} <span className="board-kind">({t(`board.kind.${board.kind}`)})</span>
        </h1>
        <div role="toolbar" aria-label={t('host.tools')} className="board-tools">
          <div role="group" aria-label={t('host.view')} className="segmented">
            {Editor && (
              <button type="button" aria-pressed={mode === 'canvas'} onClick={() => setMode('canvas')}>
                {t('host.canvas')}
              </button>
            )}
            <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')} data-testid="view-list">
              {t('host.list')}
            </button>
          </div>
          <label className="search">
            {t('host.search')}{' '}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="board-search" />
          </label>
          {query.trim() && <span role="status">{t.plural('host.matches', matches.size)}</span>}
          {!observer && (
            <>
              <button type="button" onClick={() => void undo()} aria-keyshortcuts="Control+Z">
                {t('host.undo')}
              </button>
              <button type="button" onClick={() => void redo()} aria-keyshortcuts="Control+Y">
                {t('host.redo')}
              </button>
            </>
          )}
          {mode === 'canvas' && (
            <button type="button" onClick={() => setFitRequest((n) => n + 1)}>
              {t('host.fit')}
            </button>
          )}
          {!observer && (
            <>
              <button type="button" onClick={copy} disabled={selected.size === 0} aria-keyshortcuts="Control+C">
                {t('host.copy')}
              </button>
              <button type="button" onClick={() => void paste()} aria-keyshortcuts="Control+V">
                {t('host.paste')}
              </button>
            </>
          )}
          {!observer && !locked && isGroupable(board.kind) && (
            <>
              {board.kind !== 'cafe' && (
                <button type="button" aria-expanded={helping?.like === null} onClick={() => setHelping({ like: null })} data-testid="suggest-groups">
                  {t('synthesis.suggest')}
                </button>
              )}
              <button
                type="button"
                disabled={selected.size !== 1}
                onClick={() => setHelping({ like: [...selected][0] })}
                data-testid="similar-items"
              >
                {t('synthesis.similar')}
              </button>
            </>
          )}
          {tools}
          <span aria-live="polite" className="host-status">
            {selected.size > 0 && t.plural('host.selected', selected.size)} {status}
          </span>
        </div>
      </header>
      <main className="board-main" data-board-kind={board.kind}>
        {locked && (
          <p className="locked-note" id="board-locked-note" data-testid="board-locked">
            <span aria-hidden="true">🔒</span> {t('live.boardLocked')}
          </p>
        )}
        {observer && <p className="observer-note">{t('observe.note')}</p>}
        {helping && (
          <SuggestionPanel key={helping.like ?? ''} board={board} like={helping.like} run={run} onClose={() => setHelping(null)} />
        )}
        <fieldset
          disabled={locked || observer}
          className={locked ? 'board-lock locked' : observer ? 'board-lock read-only' : 'board-lock'}
          aria-describedby={locked ? 'board-locked-note' : undefined}
        >
          {mode === 'canvas' && Editor ? <Editor board={board} view={view} run={run} /> : <ItemList board={board} comments={view.comments} run={run} />}
        </fieldset>
        {!Editor && <p>{t('host.noEditor')}</p>}
        <section className="board-comments" aria-labelledby="board-comments-heading">
          <h2 id="board-comments-heading">{t('comments.heading')}</h2>
          <CommentToggle comments={view.comments} board={board.id} target="" name={board.title} run={run} />
          <CommentPanel view={view} run={run} boards={[board]} />
        </section>
      </main>
    </BoardHostContext.Provider>
  );
}
