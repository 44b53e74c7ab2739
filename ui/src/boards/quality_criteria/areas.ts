// Quality criteria grouped by area, in the method's fixed order. Pure.
import type { Criterion, QualityArea } from '../../types';
import type { BoardOf } from '../kinds';

export type QualityCriteria = BoardOf<'quality_criteria'>;

export const areas: readonly QualityArea[] = ['client_work', 'management', 'structures'];

export function criteriaByArea(board: QualityCriteria): { area: QualityArea; criteria: Criterion[] }[] {
  const sorted = [...board.criteria].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return areas.map((area) => ({ area, criteria: sorted.filter((c) => c.area === area) }));
}
