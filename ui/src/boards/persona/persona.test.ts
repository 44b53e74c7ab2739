import { describe, expect, it } from 'vitest';
import { personaBoard } from '../test-boards.test-data';
import { avatarRef, nextPosition, personaFields, personaNodes, personasOf, valueFields } from './fields';

describe('persona mapping', () => {
  it('has every field of the method on the sheet, the bold ones required', () => {
    const keys = personaFields.map((f) => f.key);
    for (const key of ['name', 'age', 'life_situation', 'support_needs', 'strengths', 'goal', 'how_to_reach', 'services', 'quote']) {
      expect(keys, `the sheet shows ${key}`).toContain(key);
    }
    expect(personaFields.filter((f) => f.required).map((f) => f.key)).toEqual(['name', 'life_situation', 'support_needs', 'goal']);
    expect(valueFields).toEqual(['value_functional', 'value_social', 'value_emotional']);
  });

  it('reads drawn and stored avatars and ignores anything else', () => {
    expect(avatarRef('drawn:2')).toEqual({ drawn: 2 });
    expect(avatarRef('media:abc')).toEqual({ media: 'abc' });
    expect(avatarRef('drawn:99')).toBeNull();
    expect(avatarRef(null)).toBeNull();
  });

  it('maps personas to canvas nodes at their stored positions, in board order', () => {
    const nodes = personaNodes(personaBoard, new Set(['p1']), new Set(['p2']));
    expect(nodes.map((n) => n.id)).toEqual(['p2', 'p1']);
    const p1 = nodes.find((n) => n.id === 'p1')!;
    expect(p1.position).toEqual({ x: 10, y: 20 });
    expect(p1.selected).toBe(true);
    expect(nodes.find((n) => n.id === 'p2')!.data.match).toBe(true);
  });

  it('places a new persona to the right of the others', () => {
    const next = nextPosition(personasOf(personaBoard));
    expect(next.x).toBeGreaterThan(10);
  });
});
