// Beside the map: the root causes and the loops the core found, in words.
import { useT } from '../../i18n';
import { nodeLabel, type CausalMap } from './mapping';

export function CausalSummary({ map }: { map: CausalMap }) {
  const t = useT();
  const empty = t('causal.emptyCard');
  return (
    <section className="causal-summary" aria-labelledby={`roots-${map.id}`}>
      <h3 id={`roots-${map.id}`}>{t('causal.rootCauses')}</h3>
      {map.root_causes.length === 0 ? (
        <p>{map.central_problem ? t('causal.noRootCauses') : t('causal.noCentral')}</p>
      ) : (
        <ul data-testid="root-causes">
          {map.root_causes.map((id) => (
            <li key={id}>{nodeLabel(map, id, empty)}</li>
          ))}
        </ul>
      )}
      <h3>{t('causal.loops')}</h3>
      {map.loops.length === 0 ? (
        <p>{t('causal.noLoops')}</p>
      ) : (
        <ul data-testid="loops">
          {map.loops.map((loop) => (
            <li key={loop.nodes.join(' ')} className={`loop-${loop.kind}`}>
              <strong>{t(`causal.loop.${loop.kind}`)}:</strong>{' '}
              {[...loop.nodes, loop.nodes[0]].map((id) => nodeLabel(map, id, empty)).join(' → ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
