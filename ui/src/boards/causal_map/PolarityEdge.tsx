// A directed link cause → effect with its polarity as a button on the line:
// + strengthens, − weakens. Clicking it, or Enter/Space when focused, flips it.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../i18n';
import { useCausal } from './context';
import { flipPolarity, polaritySign, type CausalFlowEdge } from './mapping';

export const PolarityEdge = memo(function PolarityEdge(props: EdgeProps<CausalFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected } = props;
  const t = useT();
  const { setPolarity } = useCausal();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const polarity = data?.polarity ?? 'strengthens';
  const classes = ['polarity-edge', `polarity-${polarity}`];
  if (data?.loop) classes.push(`loop-${data.loop}`);
  if (selected) classes.push('is-selected');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes.join(' ')} />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`nodrag nopan polarity-label ${classes.join(' ')}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          aria-label={t(`causal.polarity.${polarity}`) + '. ' + t('causal.flip')}
          title={t('causal.flip')}
          data-testid="polarity-toggle"
          onClick={() => setPolarity(id, flipPolarity(polarity))}
        >
          {polaritySign(polarity)}
        </button>
      </EdgeLabelRenderer>
    </>
  );
});
