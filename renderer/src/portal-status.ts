import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../common/contract.js';
import { useBackend } from './api-context.js';

export type PortalStatus = MethodOutput<'portal.status'>;
export type ReleaseSyncState = MethodOutput<'sync.state'>;

/** The connection to the portal and the outbox, kept current by main's `sync.changed` events. */
export function usePortalStatus(): [PortalStatus | null, (status: PortalStatus) => void] {
  const { api, bridge } = useBackend();
  const [status, setStatus] = useState<PortalStatus | null>(null);
  useEffect(() => {
    let active = true;
    const load = () => api.portal.status().then((next) => active && setStatus(next), () => undefined);
    void load();
    const stop = bridge.events.subscribe((event) => {
      if (event.name === 'sync.changed' || event.name === 'app.restored') void load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, bridge]);
  return [status, setStatus];
}

/** One release's state on the portal and in the outbox. */
export function useReleaseSyncState(id: string): ReleaseSyncState | null {
  const { api, bridge } = useBackend();
  const [state, setState] = useState<ReleaseSyncState | null>(null);
  useEffect(() => {
    let active = true;
    const load = () => api.sync.state({ id }).then((next) => active && setState(next), () => undefined);
    void load();
    const stop = bridge.events.subscribe((event) => {
      if (event.name === 'sync.changed' && (event.payload.id === id || event.payload.id === null)) void load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, bridge, id]);
  return state;
}

export type OverviewEntry = MethodOutput<'sync.overview'>[number];

/** Every release's portal status and outbox count, by id, kept current by `sync.changed`. */
export function usePortalOverview(): ReadonlyMap<string, OverviewEntry> {
  const { api, bridge } = useBackend();
  const [entries, setEntries] = useState<ReadonlyMap<string, OverviewEntry>>(new Map());
  useEffect(() => {
    let active = true;
    const load = () => api.sync.overview().then((list) => active && setEntries(new Map(list.map((entry) => [entry.id, entry]))), () => undefined);
    void load();
    const stop = bridge.events.subscribe((event) => {
      if (event.name === 'sync.changed' || event.name === 'app.restored') void load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, bridge]);
  return entries;
}
