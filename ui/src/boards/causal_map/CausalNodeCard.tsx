// One card on the causal map. Causes enter on the left, effects leave on the right.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useRef } from 'react';
import { useT } from '../../i18n';
import { CommitField } from '../CommitField';
import { useFocusWhenDrawn } from '../useFocusWhenDrawn';
import { useCausal } from './context';
import type { CausalFlowNode } from './mapping';

export const CausalNodeCard = memo(function CausalNodeCard({ id, data, selected }: NodeProps<CausalFlowNode>) {
  const t = useT();
  const { setText, focusId, focused } = useCausal();
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useFocusWhenDrawn(focusId === id, id, field, focused);

  const classes = ['causal-node', `role-${data.role}`];
  if (data.central) classes.push('central');
  if (data.root) classes.push('root');
  if (data.loop) classes.push(`loop-${data.loop}`);
  if (data.match) classes.push('match');
  if (selected) classes.push('is-selected');
  return (
    <div className={classes.join(' ')} data-testid="causal-node" data-node-id={id}>
      <Handle type="target" position={Position.Left} />
      <div className="causal-badges">
        {data.central && <span className="badge badge-central">{t('causal.central')}</span>}
        {data.root && <span className="badge badge-root">{t('causal.rootCause')}</span>}
        {data.loop && <span className="badge badge-loop">{t(`causal.loop.${data.loop}`)}</span>}
        {data.role === 'why' && <span className="badge">{t('causal.why')}</span>}
      </div>
      <CommitField
        ref={field}
        multiline
        value={data.text}
        label={t('causal.nodeText')}
        placeholder={t('causal.nodePlaceholder')}
        onCommit={(text) => setText(id, text)}
      />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
