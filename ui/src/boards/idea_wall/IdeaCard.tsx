// One idea card: the four questions of the method, votes, "experiment" and the
// group it belongs to. It can be dragged to another group, or moved with the select.
import { memo, useId } from 'react';
import { useT } from '../../i18n';
import { TraceToggle } from '../../traces/TraceToggle';
import type { Cluster, Idea } from '../../types';
import { CommitField } from '../CommitField';
import type { WallSend } from './IdeaWallEditor';

/** My dots in a voting round: the ideas I gave them to (repeats allowed) and how many are left. */
export type MyDots = { mine: readonly string[]; left: number };

/** `votes` is null while the facilitator keeps the votes hidden. */
type Props = { idea: Idea; votes: number | null; voting: MyDots | null; clusters: Cluster[]; send: WallSend; match?: boolean };

const fields = ['name', 'who', 'what', 'benefit'] as const;

export const IdeaCard = memo(function IdeaCard({ idea, votes, voting, clusters, send, match }: Props) {
  const t = useT();
  const uid = useId();
  const mine = voting ? voting.mine.filter((id) => id === idea.id).length : null;
  const title = idea.name.trim() || t('idea.untitled');
  return (
    <article
      className={`idea-card${idea.experiment ? ' experiment' : ''}${match ? ' match' : ''}`}
      aria-labelledby={`${uid}-t`}
      draggable
      data-testid="idea-card"
      data-idea-id={idea.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-paja-idea', idea.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <h4 id={`${uid}-t`} className="idea-title">
        {title}
        {idea.experiment && <span className="badge badge-experiment">{t('idea.experiment')}</span>}
      </h4>
      {fields.map((f) => (
        <label key={f} className="field">
          <span>{t(`idea.field.${f}`)}</span>
          <CommitField
            multiline={f !== 'name'}
            value={idea[f]}
            label={t(`idea.field.${f}`)}
            onCommit={(value) => send.patch('Idea', idea.id, { [f]: value })}
          />
        </label>
      ))}
      <TraceToggle itemType="Idea" itemId={idea.id} sources={idea.sources} name={title} />
      <div className="idea-actions">
        <span className="votes" data-testid="vote-count">
          {votes === null ? t('vote.hidden') : t.plural('idea.votes', votes)}
        </span>
        {mine !== null && (
          <span className="my-votes" data-testid="my-votes">
            {t('vote.mine', { n: mine })}
          </span>
        )}
        <button
          type="button"
          disabled={voting !== null && voting.left <= 0}
          onClick={() => send.vote(idea.id)}
          aria-label={`${t('idea.addVote')}: ${title}`}
        >
          + {t('idea.vote')}
        </button>
        <button
          type="button"
          disabled={mine !== null ? mine === 0 : votes === 0}
          onClick={() => send.unvote(idea.id)}
          aria-label={`${t('idea.removeVote')}: ${title}`}
        >
          − {t('idea.vote')}
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={idea.experiment}
            onChange={(e) => send.patch('Idea', idea.id, { experiment: e.target.checked })}
          />
          {t('idea.markExperiment')}
        </label>
        <label htmlFor={`${uid}-c`}>{t('idea.moveTo')}</label>
        <select
          id={`${uid}-c`}
          value={idea.cluster_id ?? ''}
          onChange={(e) => send.patch('Idea', idea.id, { cluster_id: e.target.value || null })}
        >
          <option value="">{t('idea.noCluster')}</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name || t('idea.unnamedCluster')}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => send.remove('Idea', idea.id)} aria-label={`${t('common.remove')}: ${title}`}>
          {t('common.remove')}
        </button>
      </div>
    </article>
  );
});
