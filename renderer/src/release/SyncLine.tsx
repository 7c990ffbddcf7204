import { t } from '../messages.js';
import { useRelease } from './release-context.js';

/** The release on the portal: its status, what waits in the outbox, a refusal in the portal's words. */
export function SyncLine() {
  const { sync } = useRelease();
  if (!sync) return null;
  return (
    <p className="sync-line" data-testid="sync-state">
      <span>{t(sync.portalStatus ? `sync.status.${sync.portalStatus}` : 'sync.status.none')}</span>
      {sync.pending > 0 && <span className="sync-pending"> · {t('sync.pending', { count: sync.pending })}</span>}
      {sync.problem && (
        <span role="alert" className="sync-problem">
          {' '}
          · {t('sync.problem', { message: sync.problem })}
        </span>
      )}
    </p>
  );
}
