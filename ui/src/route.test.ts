import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('route', () => {
  it('reads and writes a board route, and anything else is home', () => {
    expect(parseRoute(routeHash({ screen: 'board', id: 'a/b ä' }))).toEqual({ screen: 'board', id: 'a/b ä' });
    expect(parseRoute('')).toEqual({ screen: 'home' });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'home' });
    expect(parseRoute(routeHash({ screen: 'start' }))).toEqual({ screen: 'start' });
  });
});
