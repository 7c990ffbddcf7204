import { t } from './messages.js';
import type { OverviewEntry } from './portal-status.js';

/** "· In Prüfung · Wartet auf Übertragung (2)" beside a release in the list. */
export function ReleaseBadge({ state }: { state: OverviewEntry }) {
  return (
    <span className="release-badge">
      {' · '}
      {t(state.portalStatus ? `sync.status.${state.portalStatus}` : 'sync.status.none')}
      {state.pending > 0 && ` · ${t('sync.pending', { count: state.pending })}`}
    </span>
  );
}
