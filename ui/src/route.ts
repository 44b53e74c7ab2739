// Where the person is: the start screen, the workshop home or one board, kept in the
// URL hash (`#/start`, `#/board/<id>`) so the back button and a reload keep the place.
import { useEffect, useState } from 'react';

export type Route = { screen: 'start' } | { screen: 'home' } | { screen: 'board'; id: string };

export function parseRoute(hash: string): Route {
  if (hash === '#/start') return { screen: 'start' };
  const m = /^#\/board\/([^/]+)$/.exec(hash);
  return m ? { screen: 'board', id: decodeURIComponent(m[1]) } : { screen: 'home' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'start') return '#/start';
  return route.screen === 'board' ? `#/board/${encodeURIComponent(route.id)}` : '#/';
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => (window.location.hash = routeHash(next))];
}
