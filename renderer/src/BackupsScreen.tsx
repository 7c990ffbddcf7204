import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../common/contract.js';
import { formatFileSize } from '../../common/media.js';
import { useBackend } from './api-context.js';
import { attempt, errorMessage } from './attempt.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';

/** "Sicherungen": the backups of the database, a backup now, and restoring one. */
export function BackupsScreen({ onNotice }: { onNotice: (text: string) => void }) {
  const { api, bridge } = useBackend();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const load = useCallback(
    () =>
      api.backups.list().then(
        (list) => {
          setBackups(list);
          setError(null);
        },
        (caught: unknown) => setError(errorMessage(caught)),
      ),
    [api],
  );

  useEffect(() => {
    void load();
    return bridge.events.subscribe((event) => {
      if (event.name === 'app.restored') void load();
    });
  }, [load, bridge]);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    await attempt(async () => onNotice(await action()), onNotice);
    setBusy(false);
    void load();
  }

  function askRestore(backup: BackupInfo) {
    const date = formatDateTime(backup.createdAt);
    setConfirm({
      title: t('backups.restoreTitle'),
      text: t('backups.restoreText', { date }),
      confirmLabel: t('backups.restore'),
      onConfirm: () =>
        void run(async () => {
          const { safety } = await api.backups.restore({ name: backup.name });
          return t('backups.restored', { date, safety: formatDateTime(safety.createdAt) });
        }),
    });
  }

  return (
    <section className="screen" aria-labelledby="backups-heading">
      <header className="screen-header">
        <h1 id="backups-heading">{t('backups.heading')}</h1>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const backup = await api.backups.create();
              return t('backups.created', { date: formatDateTime(backup.createdAt) });
            })
          }
        >
          {t('backups.createNow')}
        </button>
      </header>
      <p>{t('backups.intro')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {backups?.length === 0 && <p className="empty">{t('backups.empty')}</p>}
      {backups && backups.length > 0 && (
        <table className="backup-table">
          <thead>
            <tr>
              <th scope="col">{t('backups.createdAt')}</th>
              <th scope="col">{t('backups.reasonColumn')}</th>
              <th scope="col">{t('backups.releases')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">{t('backups.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <th scope="row">
                  <time dateTime={backup.createdAt}>{formatDateTime(backup.createdAt)}</time>
                </th>
                <td>{t(`backups.reason.${backup.reason}`)}</td>
                <td>{backup.releases ?? t('backups.unknownCount')}</td>
                <td>{formatFileSize(backup.size)}</td>
                <td>
                  <button type="button" disabled={busy} aria-label={`${t('backups.restore')}: ${formatDateTime(backup.createdAt)}`} onClick={() => askRestore(backup)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
