import { describe, expect, it } from 'vitest';
import { copyItems, PASTE_OFFSET, pasteCommands } from './clipboard';
import { derivedLines, listRows } from './listing';
import { matches, matchingIds } from './search';
import { pathBoard, personaBoard } from './test-boards.test-data';

describe('list view rows', () => {
  it('gives every item a title and only its filled-in, visible fields', () => {
    const rows = listRows(personaBoard);
    expect(rows.map((r) => r.title)).toEqual(['Äijä Öljynen', 'Åsa']);
    const fields = Object.fromEntries(rows[0].fields);
    expect(fields.goal, 'filled fields are listed').toBe('Oma koti');
    expect('strengths' in fields, 'empty fields are left out, so a screen reader reads no blanks').toBe(false);
    expect('pos' in fields || 'id' in fields || 'avatar' in fields, 'internal fields are not read aloud').toBe(false);
  });

  it('lists every collection of a service path, with its item type', () => {
    const types = listRows(pathBoard).map((r) => r.itemType);
    expect(new Set(types)).toEqual(new Set(['Phase', 'Lane', 'PathCard', 'Endpoint']));
  });

  it('names items, not ids, in what the core worked out', () => {
    const board = {
      ...personaBoard,
      kind: 'causal_map',
      nodes: [
        { id: 'n1', text: 'Yksinäisyys', role: 'cause', pos: { x: 0, y: 0 } },
        { id: 'n2', text: 'Ongelma', role: 'problem', pos: { x: 0, y: 0 } },
      ],
      links: [],
      root_causes: ['n1'],
      loops: [{ nodes: ['n1', 'n2'], kind: 'reinforcing' }],
    } as never;
    expect(derivedLines(board)).toEqual([
      ['root_causes', 'Yksinäisyys'],
      ['loops', 'Yksinäisyys → Ongelma (reinforcing)'],
    ]);
  });
});

describe('search', () => {
  it('matches regardless of case, å ä ö included', () => {
    expect(matches('Äijä Öljynen', 'äIJÄ öl')).toBe(true);
    expect(matches('Åsa', 'åSA')).toBe(true);
    expect(matches('Åsa', '')).toBe(false);
  });

  it('finds items by any of their text fields', () => {
    expect(matchingIds(personaBoard, 'koti')).toEqual(new Set(['p1']));
    expect(matchingIds(pathBoard, 'töitä')).toEqual(new Set(['e1']));
  });
});

describe('copy and paste', () => {
  it('pastes copies without ids, moved aside so the originals stay visible', () => {
    const copied = copyItems(personaBoard, new Set(['p1']));
    const [cmd] = pasteCommands(personaBoard, copied);
    expect(cmd.cmd).toBe('add_item');
    const item = (cmd as { item: Record<string, unknown> }).item;
    expect(item.type).toBe('Persona');
    expect('id' in item, 'the core gives the copy its own id').toBe(false);
    expect(item.name).toBe('Äijä Öljynen');
    expect(item.pos).toEqual({ x: 10 + PASTE_OFFSET, y: 20 + PASTE_OFFSET });
  });

  it('pastes nothing onto a board of another kind', () => {
    expect(pasteCommands(pathBoard, copyItems(personaBoard, new Set(['p1'])))).toEqual([]);
  });

  it('puts a path card whose cell is missing into the first cell of the other path', () => {
    const copied = copyItems(pathBoard, new Set(['c2']));
    const other = { ...pathBoard, id: 'other', phases: [{ id: 'x1', name: 'X', duration: '', emotion: 0, order: 1 }], lanes: [{ id: 'y1', name: 'Y', role: 'events', hidden: false, order: 1 }] } as never;
    const item = (pasteCommands(other, copied)[0] as { item: Record<string, unknown> }).item;
    expect([item.phase_id, item.lane_id]).toEqual(['x1', 'y1']);
  });
});
