// Reflection rounds (kierrokset) on the model draft: the facilitator opens and closes
// them; each round lists the comments written during it, and after a closed round
// what changed on the model before the next one.
import { useSession } from '../../facilitation/context';
import { isFacilitator } from '../../facilitation/people';
import { useT } from '../../i18n';
import { useQueries } from '../../backend/queries';
import { useQuery } from '../../backend/useQuery';
import type { ItemChange, Round, RoundChanges, WorkshopView } from '../../types';
import { changesAfter, isEmpty, nextRoundNumber, openRound, roundComments, roundsOf, type Model, type RoundDiff } from './model';
import type { Send } from './RowTools';

const NO_CHANGES: RoundChanges[] = [];

export function RoundsPanel({ m, view, send }: { m: Model; view: WorkshopView; send: Send }) {
  const t = useT();
  const { local } = useSession();
  const tools = useQueries();
  const changes = useQuery(tools ? () => tools.roundChanges() : null, view, NO_CHANGES);
  const open = openRound(m);
  const rounds = roundsOf(m);
  return (
    <section aria-labelledby={`${m.id}-rounds`} className="model-section model-rounds" data-testid="rounds">
      <h2 id={`${m.id}-rounds`}>{t('round.heading')}</h2>
      <p className="hint">{t('round.intro')}</p>
      {open && (
        <p role="status" className="round-open-note">
          {t('round.nowOpen', { n: open.number })}
        </p>
      )}
      {isFacilitator(local) &&
        (open ? (
          <button type="button" onClick={() => void send({ cmd: 'close_round', board: m.id })}>
            {t('round.close')}
          </button>
        ) : (
          <button type="button" onClick={() => void send({ cmd: 'open_round', board: m.id })}>
            {t('round.openN', { n: nextRoundNumber(m) })}
          </button>
        ))}
      {rounds.length === 0 ? (
        <p>{t('round.none')}</p>
      ) : (
        <ol className="round-list">
          {rounds.map((r) => (
            <RoundItem key={r.id} m={m} round={r} view={view} diff={r.open ? null : changesAfter(changes, m.id, r.number)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RoundItem({ m, round, view, diff }: { m: Model; round: Round; view: WorkshopView; diff: RoundDiff | null }) {
  const t = useT();
  const comments = roundComments(view.comments, m.id, round.number);
  const headingId = `${round.id}-h`;
  return (
    <li className={round.open ? 'round open' : 'round'} data-testid="round" data-round={round.number}>
      <h3 id={headingId}>
        {t('round.n', { n: round.number })} ({round.open ? t('round.isOpen') : t('round.isClosed')})
      </h3>
      <p data-testid="round-count">{t.plural('round.comments', comments.length)}</p>
      {comments.length > 0 && (
        <ul aria-label={t('round.commentsOf', { n: round.number })}>
          {comments.map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
        </ul>
      )}
      {round.version && <p>{t('round.version', { name: round.version })}</p>}
      {diff && <Changes diff={diff} />}
    </li>
  );
}

function Changes({ diff }: { diff: RoundDiff }) {
  const t = useT();
  const groups = [
    ['round.added', diff.added],
    ['round.removed', diff.removed],
    ['round.changed', diff.changed],
  ] as const;
  const label = (c: ItemChange) => (c.item_type === 'Board' ? t('round.basics') : c.label || t('model.untitled'));
  return (
    <div className="round-changes" data-testid="round-changes">
      <h4>{t('round.changes')}</h4>
      {isEmpty(diff) ? (
        <p>{t('round.noChanges')}</p>
      ) : (
        <dl>
          {groups
            .filter(([, list]) => list.length > 0)
            .map(([key, list]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                {list.map((c) => (
                  <dd key={`${c.item_type}-${c.id}`}>{label(c)}</dd>
                ))}
              </div>
            ))}
        </dl>
      )}
    </div>
  );
}
