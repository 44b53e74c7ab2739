import { describe, expect, it } from 'vitest';
import { grown, inside, near, viewOf } from './nearView';

describe('the cards near the view', () => {
  const view = viewOf({ width: 1000, height: 500, transform: [-2000, -1000, 2] })!;

  it('reads the view in the board’s coordinates from the pan and zoom', () => {
    expect(view).toEqual({ left: 1000, top: 500, right: 1500, bottom: 750 });
    expect(viewOf({ width: 0, height: 0, transform: [0, 0, 1] })).toBeNull();
  });

  it('grows the region by a whole view on each side, and its middle by less', () => {
    expect(grown(view, 1)).toEqual({ left: 500, top: 250, right: 2000, bottom: 1000 });
    expect(inside(view, grown(grown(view, 1), -1 / 6))).toBe(true);
  });

  it('keeps a card whose corner is just outside the region but whose body reaches in', () => {
    const region = grown(view, 1);
    expect(near({ x: 200, y: 300 }, region)).toBe(true);
    expect(near({ x: 50, y: 300 }, region)).toBe(false);
    expect(near({ x: 2100, y: 300 }, region)).toBe(false);
  });
});
