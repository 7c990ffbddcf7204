import { createContext, useContext, useMemo } from 'react';
import { roles, type Role } from '../../../common/workflow.js';
import { usePortalProfile, usePortalStatus, useReleaseSyncState, type PortalProfile, type ReleaseSyncState } from '../portal-status.js';

/** What a screen knows of one release on the portal, fetched once for all its pieces. */
export interface ReleaseContextValue {
  id: string;
  /** Its status on the portal and what waits in the outbox; null until loaded. */
  sync: ReleaseSyncState | null;
  /** The signed-in person's role; null when signed out. */
  role: Role | null;
  /** The portal's profile as cached at the last sign-in, for the checks; null before any. */
  profile: PortalProfile | null;
}

const ReleaseContext = createContext<ReleaseContextValue | null>(null);

export const ReleaseProvider = ReleaseContext.Provider;

/**
 * The screen's one subscription to the release's sync state (and to the session and profile it
 * is judged with); the screen hands the value to `ReleaseProvider` for the pieces below it.
 */
export function useReleaseSubscription(id: string): ReleaseContextValue {
  const sync = useReleaseSyncState(id);
  const [status] = usePortalStatus();
  const profile = usePortalProfile();
  const role = roles.find((candidate) => candidate === status?.role) ?? null;
  return useMemo(() => ({ id, sync, role, profile }), [id, sync, role, profile]);
}

/** The release of the screen, for its pieces (publish controls, conflict panel, comments). */
export function useRelease(): ReleaseContextValue {
  const value = useContext(ReleaseContext);
  if (!value) throw new Error('useRelease outside ReleaseProvider');
  return value;
}
