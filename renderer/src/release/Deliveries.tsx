import { useState } from 'react';
import { formatBerlin } from '../../../common/berlin-time.js';
import type { PortalDelivery } from '../../../common/portal-api.js';
import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import { t } from '../messages.js';
import { useRelease } from './release-context.js';

/** A destination as people call it: the operator's name, "wordpress" as the product writes itself. */
export function destinationLabel(name: string): string {
  return name === 'wordpress' ? 'WordPress' : name;
}

/** "WordPress: veröffentlicht", "WordPress: wartet – nicht erreichbar seit …", "WordPress: fehlgeschlagen – …". */
export function deliveryText(delivery: PortalDelivery): string {
  const destination = destinationLabel(delivery.destination);
  if (delivery.status === 'delivered') return t('delivery.delivered', { destination });
  if (delivery.status === 'failed') return t('delivery.failed', { destination, error: delivery.error ?? '' });
  return delivery.pendingSince && delivery.error
    ? t('delivery.pendingSince', { destination, time: formatBerlin(delivery.pendingSince, 'dateTime') })
    : t('delivery.pending', { destination });
}

/**
 * Where the portal delivers the release besides its own website (which the public address
 * above already shows), each with its state; approvers may retry a failed one.
 */
export function Deliveries() {
  const { api } = useBackend();
  const { id, sync, role } = useRelease();
  const [notice, setNotice] = useState('');
  const deliveries = (sync?.deliveries ?? []).filter((delivery) => delivery.destination !== 'website');
  if (deliveries.length === 0) return null;
  const mayRetry = role === 'approver' || role === 'admin';
  return (
    <section className="deliveries" aria-label={t('delivery.label')}>
      <ul>
        {deliveries.map((delivery) => (
          <li key={delivery.destination} className={`delivery delivery-${delivery.status}`}>
            {deliveryText(delivery)}
            {delivery.status === 'delivered' && delivery.url && (
              <>
                {' – '}
                <a href={delivery.url} target="_blank" rel="noreferrer">
                  {delivery.url}
                </a>
              </>
            )}
            {delivery.status === 'failed' && mayRetry && (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() =>
                    void attempt(async () => {
                      await api.sync.retryDelivery({ id, destination: delivery.destination });
                      setNotice(t('delivery.retried', { destination: destinationLabel(delivery.destination) }));
                    }, setNotice)
                  }
                >
                  {t('delivery.retry')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
