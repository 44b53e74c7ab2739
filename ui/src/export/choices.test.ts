import { describe, expect, it } from 'vitest';
import type { WorkshopView } from '../types';
import { sampleView } from '../workshop/fixture.test-data';
import { firstChoices, missing, toRequest, withFormat } from './choices';

const view: WorkshopView = sampleView;

describe('the choices of the Vie dialog', () => {
  it('start from the report with names and organisation off', () => {
    const request = toRequest(firstChoices(null), '/koti/Paja/Työpaja.pdf');
    expect(request).toEqual({
      format: 'pdf',
      board: null,
      version: null,
      names: false,
      organisation: false,
      compareFrom: null,
      path: '/koti/Paja/Työpaja.pdf',
    });
  });

  it('start from the board as a picture when opened from a board', () => {
    const choices = firstChoices('b1');
    expect(toRequest(choices, 'x.png')).toMatchObject({ format: 'png', board: 'b1' });
  });

  it('pick the first board not archived for a format that draws one board', () => {
    const archived = { ...view, boards: view.boards.map((b, i) => ({ ...b, archived: i === 0 })) };
    const choices = withFormat(firstChoices(null), 'png', archived);
    expect(choices.board).toBe(archived.boards[1].id);
    expect(missing(choices, 'x.png')).toBeNull();
  });

  it('put every board in one JSON Canvas unless a board is chosen', () => {
    expect(toRequest(withFormat(firstChoices(null), 'canvas', view), 'k.canvas').board).toBeNull();
  });

  it('leave the poster on the quality criteria unless a board is chosen', () => {
    expect(toRequest(withFormat(firstChoices(null), 'poster', view), 'p.pdf').board).toBeNull();
  });

  it('send the organisation and the changes page only with the report', () => {
    const chosen = { ...firstChoices(null), names: true, organisation: true, compareFrom: 'Versio 1.0' };
    expect(toRequest(chosen, 'r.pdf')).toMatchObject({ names: true, organisation: true, compareFrom: 'Versio 1.0' });
    const csv = toRequest(withFormat(chosen, 'csv', view), 'r.csv');
    expect(csv).toMatchObject({ names: true, organisation: false, compareFrom: null });
    expect(toRequest(withFormat(chosen, 'json', view), 'r.json')).toMatchObject({ names: false });
  });

  it('a named version is sent by its name, the current state as null', () => {
    expect(toRequest({ ...firstChoices(null), version: 'Malliluonnos 0.3' }, 'r.pdf').version).toBe('Malliluonnos 0.3');
  });

  it('say what is missing before an export can start', () => {
    const empty = { ...view, boards: [] };
    expect(missing(withFormat(firstChoices(null), 'png', empty), 'x.png')).toBe('export.needBoard');
    expect(missing(firstChoices(null), '')).toBe('export.needPath');
  });
});
