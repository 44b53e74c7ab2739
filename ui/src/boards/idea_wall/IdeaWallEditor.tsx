// The idea wall: idea cards in groups, dot votes, experiments and the ranking.
import { useSession } from '../../facilitation/context';
import { countsShown, dotsLeft, votingOn } from '../../facilitation/voting';
import { useT } from '../../i18n';
import { TraceScopeContext } from '../../traces/scope';
import type { ItemType } from '../../types';
import { addItem, deleteItem, patchItem } from '../commands';
import { boardOf } from '../kinds';
import type { EditorProps } from '../editor';
import { useRun } from '../useRun';
import { ClusterColumn } from './ClusterColumn';
import { Ranking } from './Ranking';
import { clusterColumns, nextOrder, voteCounts, voteToRemove } from './wall';

export type WallSend = {
  patch(type: ItemType, id: string, patch: Record<string, unknown>): void;
  remove(type: ItemType, id: string): void;
  vote(ideaId: string): void;
  unvote(ideaId: string): void;
};

export function IdeaWallEditor({ board, view, run }: EditorProps) {
  const t = useT();
  const { send, error } = useRun(run);
  const { local } = useSession();
  const wall = boardOf(board, 'idea_wall');
  if (!wall) return null;
  const b = wall.id;
  // In a voting round the core counts each person's dots against the budget
  // (and keeps them sealed when hidden); outside one, a dot is a plain vote.
  const voting = votingOn(view, b);
  const wallSend: WallSend = {
    patch: (type, id, patch) => void send(patchItem(b, type, id, patch)),
    remove: (type, id) => void send(deleteItem(b, type, id)),
    vote: (idea) =>
      void send(voting ? { cmd: 'cast_vote', board: b, idea } : addItem(b, { type: 'Vote', idea_id: idea, voter: null })),
    unvote: (ideaId) => {
      if (voting) return void send({ cmd: 'retract_vote', board: b, idea: ideaId });
      const id = voteToRemove(wall, ideaId, null);
      if (id) void send(deleteItem(b, 'Vote', id));
    },
  };
  const shown = countsShown(voting);
  const counts = shown ? voteCounts(wall) : null;
  const addIdea = () =>
    send(
      addItem(b, {
        type: 'Idea',
        name: '',
        who: '',
        what: '',
        benefit: '',
        cluster_id: null,
        experiment: false,
        place: '',
        starts: '',
        ends: '',
        measure: '',
        status: 'planned',
        outcome: '',
        decision: null,
      sources: [],
        pos: { x: 0, y: 0 },
        order: nextOrder(wall.ideas),
      }),
    );
  return (
    <div className="editor idea-wall-editor">
      <div className="toolbar" role="toolbar" aria-label={t('idea.tools')}>
        <button type="button" onClick={addIdea}>
          {t('idea.add')}
        </button>
        <button
          type="button"
          onClick={() => send(addItem(b, { type: 'Cluster', name: '', order: nextOrder(wall.clusters) }))}
        >
          {t('idea.addCluster')}
        </button>
        {voting && (
          <span className="hint" aria-live="polite" data-testid="votes-left">
            {t('vote.left', { n: dotsLeft(local, voting), of: voting.budget })}
          </span>
        )}
      </div>
      {error}
      <div className="editor-body">
        <TraceScopeContext.Provider value={{ board: b, view, run }}>
          <div className="clusters">
            {clusterColumns(wall).map((column) => (
              <ClusterColumn
                key={column.cluster?.id ?? 'none'}
                column={column}
                clusters={wall.clusters}
                counts={counts}
                voting={voting ? { mine: local?.my_votes ?? [], left: dotsLeft(local, voting) } : null}
                send={wallSend}
              />
            ))}
          </div>
        </TraceScopeContext.Provider>
        <aside className="side">
          {shown ? <Ranking wall={wall} /> : <p>{t('idea.votesHidden')}</p>}
        </aside>
      </div>
    </div>
  );
}
