import { CommentToggle } from '../comments/CommentToggle';
import type { Run } from '../facilitation/send';
import type { Board, Comment } from '../types';
import { useT, type MessageKey } from '../i18n';
import { fi } from '../i18n/fi';
import { useBoardHost } from './host';
import { derivedLines, listRows } from './listing';

/** Any board as a plain list: every item, its fields, its comments, and what the app worked out. */
export function ItemList({ board, comments, run }: { board: Board; comments: readonly Comment[]; run: Run }) {
  const t = useT();
  const { matches, selected, toggleSelected } = useBoardHost();
  const rows = listRows(board);
  const derived = derivedLines(board);
  const label = (key: string) => {
    const k = `field.${key}`;
    return k in fi ? t(k as MessageKey) : key;
  };
  return (
    <section className="item-list" aria-labelledby="item-list-heading">
      <h2 id="item-list-heading">{t('list.heading')}</h2>
      {rows.length === 0 && <p>{t('list.empty')}</p>}
      <ul>
        {rows.map((row) => {
          const name = row.title || t('list.untitled');
          return (
            <li key={row.id} className={matches.has(row.id) ? 'match' : undefined} data-testid="list-row" data-item-id={row.id}>
              <label className="select-row">
                <input
                  type="checkbox"
                  checked={selected.has(row.id)}
                  onChange={() => toggleSelected(row.id)}
                  aria-label={t('list.select', { name })}
                />
                <strong>{matches.has(row.id) ? <mark>{name}</mark> : name}</strong>
              </label>
              {row.fields.length > 0 && (
                <dl>
                  {row.fields.map(([key, value]) => (
                    <div key={key}>
                      <dt>{label(key)}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <CommentToggle comments={comments} board={board.id} target={row.id} name={name} run={run} />
            </li>
          );
        })}
      </ul>
      {derived.length > 0 && (
        <>
          <h3>{t('list.derived')}</h3>
          <dl className="derived">
            {derived.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
