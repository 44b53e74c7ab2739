// xyflow's screen-reader texts in the workshop's language.
import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useT } from '../i18n';

export function useFlowLabels(): Partial<AriaLabelConfig> {
  const t = useT();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.node'),
      'node.a11yDescription.keyboardDisabled': t('flow.node'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }: { x: number; y: number }) =>
        t('flow.moved', { x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('flow.edge'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );
}
