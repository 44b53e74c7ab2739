// The ranking by votes, as the core ordered it.
import { useT } from '../../i18n';
import { rankingRows, type IdeaWall } from './wall';

export function Ranking({ wall }: { wall: IdeaWall }) {
  const t = useT();
  const rows = rankingRows(wall);
  return (
    <section className="ranking" aria-labelledby={`rank-${wall.id}`}>
      <h3 id={`rank-${wall.id}`}>{t('idea.ranking')}</h3>
      {rows.length === 0 ? (
        <p>{t('idea.noVotes')}</p>
      ) : (
        <table data-testid="ranking">
          <thead>
            <tr>
              <th scope="col">{t('idea.place')}</th>
              <th scope="col">{t('idea.field.name')}</th>
              <th scope="col">{t('idea.voteCount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.idea.id}>
                <td>{r.place}.</td>
                <td>
                  {r.idea.name || t('idea.untitled')}
                  {r.idea.experiment && <span className="badge badge-experiment">{t('idea.experiment')}</span>}
                </td>
                <td>{r.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
