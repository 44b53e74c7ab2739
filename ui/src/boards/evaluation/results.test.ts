import { describe, expect, it } from 'vitest';
import { areas, criteriaByArea, type QualityCriteria } from '../quality_criteria/areas';
import type { EvalItem, ItemResult } from '../../types';
import {
  bySection,
  formatMean,
  openResults,
  overTimeLines,
  rankingRows,
  responsesOf,
  resultRows,
  type Evaluation,
} from './results';

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
      published: [],
      results: [
        { item_id: 'i1', count: 9, mean: 3.11, client_mean: 4, professional_mean: null, distribution: [0, 4, 0, 5, 0], sd: null, second_mean: null, second_sd: null, gap: null, rank: 0, texts: [], words: [] },
      ],
    };
    const rows = resultRows(form, 'fi');
    expect(rows.map((r) => r.item.id)).toEqual(['i1', 'i2']);
    expect(rows[0]).toMatchObject({ count: 9, mean: '3,1', client: '4,0', professional: '–' });
    expect(rows[1], 'no answers yet').toMatchObject({ count: 0, mean: '–' });
    expect(resultRows(form, 'fi', 'alle 5, ei näytetä')[0].professional, 'a hidden group says why').toBe('alle 5, ei näytetä');
  });
});

const item = (id: string, kind: EvalItem['kind'], order: number, section = ''): EvalItem => ({ id, text: `Kohta ${id}`, kind, section, order });
const result = (item_id: string, r: Partial<ItemResult>): ItemResult => ({
  item_id,
  count: 0,
  mean: null,
  sd: null,
  client_mean: null,
  professional_mean: null,
  distribution: [0, 0, 0, 0, 0],
  second_mean: null,
  second_sd: null,
  gap: null,
  rank: 0,
  texts: [],
  words: [],
  ...r,
});
const evaluation = (items: EvalItem[], results: ItemResult[]): Evaluation => ({ ...base, stage: null, id: 'e', kind: 'evaluation', items, answers: [], published: [], results });

describe('two-scale ranking', () => {
  it('orders factors by rank with importance, competence and gap in Finnish numbers; unrated ones last', () => {
    const form = evaluation(
      [item('a', 'two_scale', 1), item('b', 'two_scale', 2), item('c', 'two_scale', 3), item('s', 'scale', 4)],
      [
        result('a', { count: 12, mean: 4.25, sd: 0.62, second_mean: 3.5, second_sd: 0.9, gap: 0.75, rank: 2 }),
        result('b', { count: 12, mean: 4.75, sd: 0.45, second_mean: 4.9, second_sd: 0.29, gap: -0.15, rank: 1 }),
      ],
    );
    const rows = rankingRows(form, 'fi');
    expect(rows.map((r) => r.item.id), 'statements are not ranked').toEqual(['b', 'a', 'c']);
    expect(rows[0]).toMatchObject({ rank: 1, importance: '4,8 (0,5)', competence: '4,9 (0,3)' });
    expect(rows[0].gap).toMatch(/^[-−]0,2$/);
    expect(rows[1]).toMatchObject({ rank: 2, importance: '4,3 (0,6)', competence: '3,5 (0,9)', gap: '0,8' });
    expect(rows[2]).toMatchObject({ rank: 0, importance: '–', competence: '–', gap: '–' });
  });
});

describe('open answers', () => {
  it('lists each open question with its answers and its words, the most used first, ties by the alphabet', () => {
    const form = evaluation(
      [item('o', 'open', 1), item('s', 'scale', 2)],
      [
        result('o', {
          count: 3,
          texts: ['Yhteinen aika', 'Kuuntelu ja aika', 'Äänestys'],
          words: [
            { word: 'äänestys', count: 1 },
            { word: 'kuuntelu', count: 1 },
            { word: 'aika', count: 2 },
          ],
        }),
      ],
    );
    const [open, ...rest] = openResults(form);
    expect(rest).toEqual([]);
    expect(open.texts).toEqual(['Yhteinen aika', 'Kuuntelu ja aika', 'Äänestys']);
    expect(open.words.map((w) => `${w.word} ${w.count}`)).toEqual(['aika 2', 'kuuntelu 1', 'äänestys 1']);
  });
});

describe('evaluation over time', () => {
  it('formats each stage cell with group means, marks hidden groups, and leaves out open questions', () => {
    const lines = overTimeLines(
      [
        {
          text: 'Sain sanoa asiani',
          cells: [
            result('x', { count: 10, mean: 3.2, client_mean: 3.4, professional_mean: 3 }),
            result('y', { count: 8, mean: 3.85, client_mean: 4, professional_mean: null }),
            null,
          ],
        },
        { text: 'Mikä toimi hyvin?', cells: [null, null, result('o', { count: 4, texts: ['Kahvi'] })] },
      ],
      'fi',
    );
    expect(lines.map((l) => l.text)).toEqual(['Sain sanoa asiani']);
    const [start, middle, end] = lines[0].cells;
    expect(start).toEqual({ mean: '3,2', client: '3,4', professional: '3,0', share: 0.64, hidden: false });
    expect(middle).toMatchObject({ mean: '3,9', client: '4,0', professional: '–', hidden: true });
    expect(end, 'the end form lacks the item').toBeNull();
  });
});

describe('answering', () => {
  const items = [item('s', 'scale', 1, 'Asiakasnäkökulma'), item('t', 'two_scale', 2, 'Asiakasnäkökulma'), item('o', 'open', 3), item('u', 'two_scale', 4, 'Työntekijä')];

  it('groups items under their sections in the order the sections first come', () => {
    expect(bySection(items).map((s) => [s.section, s.items.map((i) => i.id)])).toEqual([
      ['Asiakasnäkökulma', ['s', 't']],
      ['', ['o']],
      ['Työntekijä', ['u']],
    ]);
  });

  it('sends each kind in its own shape and leaves unanswered items out', () => {
    const drafts = new Map([
      ['s', { value: 4 }],
      ['t', { value: 0, second: 5 }],
      ['o', { text: '  Hyvä ilmapiiri, kiitos ' }],
    ]);
    expect(responsesOf(items, drafts)).toEqual({
      answers: [
        { item: 's', value: 4, second: null, text: '' },
        { item: 't', value: 0, second: 5, text: '' },
        { item: 'o', value: 0, second: null, text: 'Hyvä ilmapiiri, kiitos' },
      ],
      incomplete: [],
    });
  });

  it('holds back a two-scale item with only one scale chosen, and skips an emptied text', () => {
    const { answers, incomplete } = responsesOf(items, new Map([['u', { second: 3 }], ['o', { text: '   ' }]]));
    expect(answers).toEqual([]);
    expect(incomplete.map((i) => i.id)).toEqual(['u']);
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
