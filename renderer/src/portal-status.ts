import type { AppEvent, MethodOutput } from '../../common/contract.js';
import { useLive } from './use-live.js';

export type PortalStatus = MethodOutput<'portal.status'>;
export type ReleaseSyncState = MethodOutput<'sync.state'>;
export type OverviewEntry = MethodOutput<'sync.overview'>[number];

const syncOrRestore = (event: AppEvent) => event.name === 'sync.changed' || event.name === 'app.restored';

/** The connection to the portal and the outbox, kept current by main's `sync.changed` events. */
export function usePortalStatus(): [PortalStatus | null, (status: PortalStatus) => void] {
  return useLive('portal', (api) => api.portal.status(), syncOrRestore);
}

/** One release's state on the portal and in the outbox. */
export function useReleaseSyncState(id: string): ReleaseSyncState | null {
  return useLive(id, (api) => api.sync.state({ id }), (event) => event.name === 'sync.changed' && (event.payload.id === id || event.payload.id === null))[0];
}

/** Every release's portal status and outbox count, by id. */
export function usePortalOverview(): ReadonlyMap<string, OverviewEntry> {
  const [entries] = useLive('overview', async (api) => new Map((await api.sync.overview()).map((entry) => [entry.id, entry])), syncOrRestore);
  return entries ?? new Map();
}

export type PortalProfile = MethodOutput<'portal.profile'>;

/** The portal's profile as cached at the last sign-in; fetched again when the connection changes. */
export function usePortalProfile(): PortalProfile | null {
  return useLive('profile', (api) => api.portal.profile(), (event) => (event.name === 'sync.changed' && event.payload.id === null) || event.name === 'app.restored')[0];
}
