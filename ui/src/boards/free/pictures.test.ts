import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fi } from '../../i18n/fi';
import { sv } from '../../i18n/sv';
import type { Picture } from '../../types';
import { drawings, PictureDrawing, pictures } from './pictures';

// The core's deck (Picture::ALL in src/model/free.rs), written out so a card
// added there and missing here fails this test.
const deck: Picture[] = [
  'sun', 'cloud', 'rain', 'rainbow', 'bridge', 'path', 'mountain', 'tree',
  'sprout', 'key', 'door', 'lighthouse', 'compass', 'hands', 'heart', 'boat',
];

describe('picture cards', () => {
  it('lists every card of the deck once, in the core order', () => {
    expect(pictures).toEqual(deck);
    expect(Object.keys(drawings).sort(), 'every card has a drawing, and no drawing is left over').toEqual([...deck].sort());
  });

  it('names every card in Finnish, Swedish and English', () => {
    for (const p of deck) {
      const key = `picture.${p}` as keyof typeof fi;
      for (const table of [fi, sv, en]) expect(table[key], `${p} has a name`).toMatch(/\S/);
    }
    expect(deck.map((p) => fi[`picture.${p}`]), 'the Finnish names keep ä and ö').toContain('Kädet');
    expect(new Set(deck.map((p) => fi[`picture.${p}`])).size, 'no two cards share a name').toBe(deck.length);
  });

  it('draws each card as an image with its name, or as decoration without one', () => {
    for (const p of deck) {
      const named = renderToStaticMarkup(createElement(PictureDrawing, { picture: p, label: fi[`picture.${p}`] }));
      expect(named).toContain('role="img"');
      expect(named).toContain(`aria-label="${fi[`picture.${p}`]}"`);
      expect(named.match(/<(path|circle|rect|line)\b/g)?.length ?? 0, `${p} is more than its ground`).toBeGreaterThan(1);
    }
    expect(renderToStaticMarkup(createElement(PictureDrawing, { picture: 'sun' }))).toContain('aria-hidden="true"');
  });
});
