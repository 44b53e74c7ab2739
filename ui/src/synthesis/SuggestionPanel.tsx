// "Ehdota ryhmiä" and "Samankaltaiset": proposed groups to accept (after renaming),
// or reject. Nothing moves until a person accepts; an accepted group is one command,
// so one Ctrl+Z takes it back.
import { useEffect, useRef, useState } from 'react';
import { toBackendError, type BackendError } from '../backend';
import { errorText } from '../i18n/errors';
import { useT } from '../i18n';
import type { Board, Command, Outcome } from '../types';
import { useQueries } from '../backend/queries';
import { itemTexts, labelFrom } from './texts';

type Proposal = { key: number; label: string; ids: string[] };

type Props = {
  board: Board;
  /** Only this café station's notes. */
  station?: string | null;
  /** Notes like this one, instead of groups of the whole board. */
  like?: string | null;
  run: (cmd: Command) => Promise<Outcome>;
  onClose: () => void;
};

export function SuggestionPanel({ board, station = null, like = null, run, onClose }: Props) {
  const t = useT();
  const tools = useQueries();
  const texts = itemTexts(board);
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<BackendError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!tools) return;
    let live = true;
    const ask = like
      ? tools.similarItems(board.id, like).then((near) =>
          near.length ? [{ label: labelFrom(texts.get(like) ?? ''), ids: [like, ...near.map((n) => n.id)] }] : [],
        )
      : tools.suggestGroups(board.id, station);
    ask.then(
      (found) => {
        if (!live) return;
        setProposals(found.map((p, key) => ({ key, label: p.label, ids: p.ids })));
        setStatus(found.length ? t.plural('synthesis.found', found.length) : t(like ? 'synthesis.noneLike' : 'synthesis.none'));
        heading.current?.focus();
      },
      (e: unknown) => live && setFailure(toBackendError(e)),
    );
    return () => {
      live = false;
    };
    // Asked once per opening: a changed board does not reshuffle what the person is reading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tools, board.id, station, like]);

  const done = (key: number, message: string) => {
    setProposals((old) => {
      const left = (old ?? []).filter((p) => p.key !== key);
      const next = left.find((p) => p.key > key) ?? left[left.length - 1];
      requestAnimationFrame(() => {
        const target = next && panel.current?.querySelector<HTMLInputElement>(`[data-proposal="${next.key}"] input`);
        (target ?? heading.current)?.focus();
      });
      return left;
    });
    setStatus(message);
  };

  const accept = async (p: Proposal) => {
    try {
      await run({ cmd: 'group_items', board: board.id, label: p.label.trim(), ids: p.ids });
      setFailure(null);
      done(p.key, t('synthesis.accepted', { label: p.label.trim() }));
    } catch (e) {
      setFailure(toBackendError(e));
    }
  };

  const rename = (key: number, label: string) =>
    setProposals((old) => (old ?? []).map((p) => (p.key === key ? { ...p, label } : p)));

  return (
    <section ref={panel} className="suggestions" aria-labelledby="suggestions-heading" data-testid="suggestions">
      <h2 id="suggestions-heading" ref={heading} tabIndex={-1}>
        {t(like ? 'synthesis.likeHeading' : 'synthesis.heading')}
      </h2>
      <p>{t('synthesis.intro')}</p>
      <p role="status" data-testid="suggestions-status">
        {proposals === null && !failure ? t('synthesis.working') : status}
      </p>
      {failure && (
        <p role="alert" data-error-code={failure.code}>
          {errorText(t, failure)}
        </p>
      )}
      {(proposals ?? []).map((p, i) => (
        <article key={p.key} className="proposal" data-proposal={p.key} aria-labelledby={`proposal-${p.key}`}>
          <h3 id={`proposal-${p.key}`}>{t('synthesis.proposal', { n: i + 1, count: p.ids.length })}</h3>
          <label className="field">
            <span>{t('synthesis.name')}</span>
            <input value={p.label} onChange={(e) => rename(p.key, e.target.value)} />
          </label>
          <ul>
            {p.ids.map((id) => (
              <li key={id}>{texts.get(id) || t('list.untitled')}</li>
            ))}
          </ul>
          <button type="button" disabled={!p.label.trim()} onClick={() => void accept(p)}>
            {t('synthesis.accept')}
          </button>{' '}
          <button type="button" onClick={() => done(p.key, t('synthesis.rejected'))}>
            {t('synthesis.reject')}
          </button>
        </article>
      ))}
      <button type="button" onClick={onClose}>
        {t('synthesis.close')}
      </button>
    </section>
  );
}
