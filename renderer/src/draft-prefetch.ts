import type { Draft } from '../../common/contract.js';
import type { Api } from './bridge.js';
import { parseRoute } from './routes.js';

let prefetched: { id: string; draft: Promise<Draft>; arrived?: Draft } | null = null;

/**
 * Started before the first render when the app opens straight into a release (a reload, a
 * link): the release is read while the language is fetched and the screens are set up, not
 * after them.
 */
export function prefetchOpenedDraft(api: Api, hash: string): void {
  const route = parseRoute(hash);
  if (route.screen !== 'editor') return;
  const draft = api.drafts.get({ id: route.id });
  const entry: NonNullable<typeof prefetched> = { id: route.id, draft };
  // Nobody may be waiting yet; a failure is reported by the screen that takes it.
  draft.then((arrived) => (entry.arrived = arrived)).catch(() => undefined);
  prefetched = entry;
}

/**
 * The release as read at startup, if it is this one and has arrived already (it usually has: it
 * is read while the screens' code loads), so the screen draws it in its first render.
 */
export function takeArrivedDraft(id: string): Draft | null {
  const arrived = prefetched?.id === id ? prefetched.arrived : undefined;
  if (!arrived) return null;
  prefetched = null;
  return arrived;
}

/** The release as read at startup, once, if it is this one; otherwise read it now. */
export function loadDraft(api: Api, id: string): Promise<Draft> {
  const early = prefetched;
  prefetched = null;
  return early && early.id === id ? early.draft : api.drafts.get({ id });
}
