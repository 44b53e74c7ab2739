// The glossary (yhteiset käsitteet): the words the group agrees on, in order, each
// with what it means and the same in plain language. Added, moved and removed by buttons.
import { useT } from '../../i18n';
import type { Term } from '../../types';
import { PlainField } from '../../synthesis/PlainField';
import { CommitField } from '../CommitField';
import { addItem, deleteItem, patchItem } from '../commands';
import { focusWhenShown } from '../focus';
import { useBoardHost } from '../host';
import { boardOf } from '../kinds';
import { nextOrder } from '../order';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { sortedTerms, termMovedOrder, termName } from './terms';
import './glossary.css';

const fieldSelector = (id: string) => `#${CSS.escape(`term-${id}`)}`;

export function GlossaryEditor({ board, run }: EditorProps) {
  const t = useT();
  const { send, error } = useRun(run);
  const { matches } = useBoardHost();
  const glossary = boardOf(board, 'glossary');
  if (!glossary) return null;
  const b = glossary.id;
  const terms = sortedTerms(glossary);

  const add = async () => {
    const outcome = await send(addItem(b, { type: 'Term', term: '', meaning: '', plain: '', order: nextOrder(glossary.terms) }));
    if (outcome?.id) focusWhenShown(fieldSelector(outcome.id));
  };
  const move = async (index: number, by: -1 | 1) => {
    const order = termMovedOrder(terms, index, by);
    const term = terms[index];
    if (order === null || !(await send(patchItem(b, 'Term', term.id, { order })))) return;
    const to = index + by;
    const atEnd = to === 0 || to === terms.length - 1;
    focusWhenShown(`[data-move="${CSS.escape(term.id)}:${atEnd ? -by : by}"]`);
  };
  const remove = async (index: number) => {
    if (!(await send(deleteItem(b, 'Term', terms[index].id)))) return;
    const next = terms[index + 1] ?? terms[index - 1];
    focusWhenShown(next ? fieldSelector(next.id) : '[data-testid="add-term"]');
  };

  return (
    <div className="editor glossary-editor" data-testid="glossary">
      <p className="hint">{t('glossary.intro')}</p>
      {error}
      {terms.length === 0 && <p>{t('glossary.empty')}</p>}
      <ol className="terms">
        {terms.map((term, i) => (
          <TermRow
            key={term.id}
            term={term}
            name={termName(term, i, (n) => t('glossary.numbered', { n }))}
            match={matches.has(term.id)}
            first={i === 0}
            last={i === terms.length - 1}
            patch={(fields) => void send(patchItem(b, 'Term', term.id, fields))}
            move={(by) => void move(i, by)}
            remove={() => void remove(i)}
          />
        ))}
      </ol>
      <button type="button" onClick={() => void add()} data-testid="add-term">
        {t('glossary.add')}
      </button>
    </div>
  );
}

type RowProps = {
  term: Term;
  name: string;
  match: boolean;
  first: boolean;
  last: boolean;
  patch: (fields: Record<string, unknown>) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
};

function TermRow({ term, name, match, first, last, patch, move, remove }: RowProps) {
  const t = useT();
  return (
    <li className={match ? 'term match' : 'term'} data-testid="term">
      <fieldset>
        <legend>{name}</legend>
        <label className="field">
          <span>{t('glossary.term')}</span>
          <CommitField id={`term-${term.id}`} value={term.term} onCommit={(text) => patch({ term: text.trim() })} />
        </label>
        <label className="field">
          <span>{t('glossary.meaning')}</span>
          <CommitField multiline value={term.meaning} onCommit={(meaning) => patch({ meaning })} />
        </label>
        <PlainField
          caption={t('glossary.plain')}
          multiline
          value={term.plain}
          onCommit={(plain) => patch({ plain })}
          hintsId={`plain-hints-${term.id}`}
        />
        <div className="term-actions">
          <button type="button" disabled={first} onClick={() => move(-1)} data-move={`${term.id}:-1`} aria-label={`${t('glossary.up')}: ${name}`}>
            {t('glossary.up')}
          </button>
          <button type="button" disabled={last} onClick={() => move(1)} data-move={`${term.id}:1`} aria-label={`${t('glossary.down')}: ${name}`}>
            {t('glossary.down')}
          </button>
          <button type="button" onClick={remove} aria-label={`${t('glossary.remove')}: ${name}`}>
            {t('glossary.remove')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
