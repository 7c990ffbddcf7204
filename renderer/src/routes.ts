import { useEffect, useState } from 'react';

export type Route = { screen: 'drafts' } | { screen: 'new'; id: string } | { screen: 'trash' } | { screen: 'backups' } | { screen: 'inbox' } | { screen: 'review'; id: string } | { screen: 'editor'; id: string } | { screen: 'print'; id: string } | { screen: 'settings' };

const EDITOR_PREFIX = '#/pressemitteilung/';
const REVIEW_PREFIX = '#/pruefung/';
const PRINT_PREFIX = '#/drucken/';
/** A release shown but not stored yet ("Neue Pressemitteilung"). */
const NEW_PREFIX = '#/neu/';

export function parseRoute(hash: string): Route {
  if (hash === '#/papierkorb') return { screen: 'trash' };
  if (hash === '#/sicherungen') return { screen: 'backups' };
  if (hash === '#/pruefung') return { screen: 'inbox' };
  if (hash === '#/einstellungen') return { screen: 'settings' };
  if (hash.startsWith(REVIEW_PREFIX)) return { screen: 'review', id: decodeURIComponent(hash.slice(REVIEW_PREFIX.length)) };
  if (hash.startsWith(NEW_PREFIX)) return { screen: 'new', id: decodeURIComponent(hash.slice(NEW_PREFIX.length)) };
  if (hash.startsWith(PRINT_PREFIX)) return { screen: 'print', id: decodeURIComponent(hash.slice(PRINT_PREFIX.length)) };
  if (hash.startsWith(EDITOR_PREFIX)) return { screen: 'editor', id: decodeURIComponent(hash.slice(EDITOR_PREFIX.length)) };
  return { screen: 'drafts' };
}

export function hrefOf(route: Route): string {
  if (route.screen === 'trash') return '#/papierkorb';
  if (route.screen === 'new') return `${NEW_PREFIX}${encodeURIComponent(route.id)}`;
  if (route.screen === 'backups') return '#/sicherungen';
  if (route.screen === 'inbox') return '#/pruefung';
  if (route.screen === 'settings') return '#/einstellungen';
  if (route.screen === 'review') return `${REVIEW_PREFIX}${encodeURIComponent(route.id)}`;
  if (route.screen === 'editor') return `${EDITOR_PREFIX}${encodeURIComponent(route.id)}`;
  if (route.screen === 'print') return `${PRINT_PREFIX}${encodeURIComponent(route.id)}`;
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
