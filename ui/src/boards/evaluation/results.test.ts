import { describe, expect, it } from 'vitest';
import { areas, criteriaByArea, type QualityCriteria } from '../quality_criteria/areas';
import { formatMean, resultRows, type Evaluation } from './results';

const base = { title: 'x', session_id: null, archived: false, order: 0 };

describe('evaluation results', () => {
  it('formats means with a decimal comma in Finnish and a dash when the core hid them', () => {
    expect(formatMean(3.5, 'fi')).toBe('3,5');
    expect(formatMean(4, 'en')).toBe('4.0');
    expect(formatMean(null, 'fi'), 'a group too small to show apart').toBe('–');
  });

  it('gives one row per item in order, with the core means per group', () => {
    const form: Evaluation = {
      ...base,
      stage: null,
      id: 'e',
      kind: 'evaluation',
      items: [
        { id: 'i2', text: 'Sain osallistua omalla tavallani', order: 2, kind: 'scale', section: '' },
        { id: 'i1', text: 'Sain sanoa asiani ja tulin kuulluksi', order: 1, kind: 'scale', section: '' },
      ],
      answers: [],
      results: [
        { item_id: 'i1', count: 9, mean: 3.11, client_mean: 4, professional_mean: null, distribution: [0, 4, 0, 5, 0], sd: null, second_mean: null, second_sd: null, gap: null, rank: 0, texts: [], words: [] },
      ],
    };
    const rows = resultRows(form, 'fi');
    expect(rows.map((r) => r.item.id)).toEqual(['i1', 'i2']);
    expect(rows[0]).toMatchObject({ count: 9, mean: '3,1', client: '4,0', professional: '–' });
    expect(rows[1], 'no answers yet').toMatchObject({ count: 0, mean: '–' });
  });
});

describe('quality criteria', () => {
  it('groups criteria by area in the method order, even empty areas', () => {
    const q: QualityCriteria = {
      ...base,
      model_id: null,
      id: 'q',
      kind: 'quality_criteria',
      criteria: [
        { id: 'c2', area: 'structures', text: 'Tilat ovat esteettömiä', plain: 'Pääset sisään helposti', order: 2, sources: [] },
        { id: 'c1', area: 'client_work', text: 'Asiakas kuullaan', plain: 'Sinua kuunnellaan', order: 1, sources: [] },
      ],
    };
    const groups = criteriaByArea(q);
    expect(groups.map((g) => g.area)).toEqual([...areas]);
    expect(groups.map((g) => g.criteria.map((c) => c.id))).toEqual([['c1'], [], ['c2']]);
  });
});
