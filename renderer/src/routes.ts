import { useEffect, useState } from 'react';

export type Route = { screen: 'drafts' } | { screen: 'trash' } | { screen: 'backups' } | { screen: 'editor'; id: string };

const EDITOR_PREFIX = '#/pressemitteilung/';

export function parseRoute(hash: string): Route {
  if (hash === '#/papierkorb') return { screen: 'trash' };
  if (hash === '#/sicherungen') return { screen: 'backups' };
  if (hash.startsWith(EDITOR_PREFIX)) return { screen: 'editor', id: decodeURIComponent(hash.slice(EDITOR_PREFIX.length)) };
  return { screen: 'drafts' };
}

export function hrefOf(route: Route): string {
  if (route.screen === 'trash') return '#/papierkorb';
  if (route.screen === 'backups') return '#/sicherungen';
  if (route.screen === 'editor') return `${EDITOR_PREFIX}${encodeURIComponent(route.id)}`;
  return '#/';
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/** Points the address at another route without leaving the current screen. */
export function replaceRoute(route: Route): void {
  window.history.replaceState(null, '', hrefOf(route));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
