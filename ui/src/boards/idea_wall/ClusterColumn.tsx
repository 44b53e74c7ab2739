// A group (cluster) of ideas: its name, its cards, and a drop target for cards.
import { useState } from 'react';
import { useT } from '../../i18n';
import type { Cluster } from '../../types';
import { CommitField } from '../CommitField';
import { useBoardHost } from '../host';
import { IdeaCard } from './IdeaCard';
import type { WallSend } from './IdeaWallEditor';
import type { Column } from './wall';

import type { MyDots } from './IdeaCard';

type Props = { column: Column; clusters: Cluster[]; counts: Map<string, number> | null; voting: MyDots | null; send: WallSend };

export function ClusterColumn({ column, clusters, counts, voting, send }: Props) {
  const t = useT();
  const [over, setOver] = useState(false);
  const { matches } = useBoardHost();
  const { cluster } = column;
  const name = cluster ? cluster.name || t('idea.unnamedCluster') : t('idea.noCluster');
  return (
    <section
      className={`cluster${over ? ' drop-over' : ''}`}
      aria-label={name}
      data-testid="cluster"
      data-cluster-id={cluster?.id ?? ''}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('text/x-paja-idea')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const id = e.dataTransfer.getData('text/x-paja-idea');
        if (id) send.patch('Idea', id, { cluster_id: cluster?.id ?? null });
      }}
    >
      {cluster ? (
        <div className="cluster-head">
          <CommitField
            value={cluster.name}
            label={t('idea.clusterName')}
            placeholder={t('idea.clusterName')}
            className="cluster-name"
            onCommit={(value) => send.patch('Cluster', cluster.id, { name: value })}
          />
          <button type="button" onClick={() => send.remove('Cluster', cluster.id)} aria-label={`${t('idea.removeCluster')}: ${name}`}>
            {t('common.remove')}
          </button>
        </div>
      ) : (
        <h3 className="cluster-head">{name}</h3>
      )}
      {column.ideas.length === 0 && <p className="hint">{t('idea.dropHere')}</p>}
      {column.ideas.map((idea) => (
        <IdeaCard key={idea.id} idea={idea} votes={counts ? (counts.get(idea.id) ?? 0) : null} voting={voting} clusters={clusters} send={send} match={matches.has(idea.id)} />
      ))}
    </section>
  );
}
