import { t } from './messages.js';
import { deliveryText } from './release/Deliveries.js';
import type { OverviewEntry } from './portal-status.js';

/** "· In Prüfung · Wartet auf Übertragung (2) · WordPress: veröffentlicht" beside a release in the list. */
export function ReleaseBadge({ state }: { state: OverviewEntry }) {
  return (
    <span className="release-badge">
      {' · '}
      {t(state.portalStatus ? `sync.status.${state.portalStatus}` : 'sync.status.none')}
      {state.pending > 0 && ` · ${t('sync.pending', { count: state.pending })}`}
      {state.deliveries
        .filter((delivery) => delivery.destination !== 'website')
        .map((delivery) => (
          <span key={delivery.destination} className={`delivery-${delivery.status}`}>
            {` · ${deliveryText(delivery)}`}
          </span>
        ))}
    </span>
  );
}
