import { useState } from 'react';
import type { DraftSummary } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { errorMessage } from './attempt.js';
import { titleOf } from './draft-title.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';
import { ShowMore } from './ShowMore.js';
import { useDrafts } from './use-drafts.js';

/** Deleted press releases: restore them, or remove them for good after a confirmation. */
export function TrashScreen({ onNotice }: { onNotice: (text: string) => void }) {
  const { api } = useBackend();
  const { drafts, total, error, showMore } = useDrafts('trash');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const report = (caught: unknown) => onNotice(errorMessage(caught));

  function restore(draft: DraftSummary) {
    api.drafts.restore({ id: draft.id }).then(() => onNotice(t('trash.restored', { title: titleOf(draft) })), report);
  }

  function askPurge(draft: DraftSummary) {
    setConfirm({
      title: t('trash.purgeTitle'),
      text: t('trash.purgeText', { title: titleOf(draft) }),
      confirmLabel: t('trash.purgeConfirm'),
      onConfirm: () => {
        api.drafts.purge({ id: draft.id }).then(() => onNotice(t('trash.purged', { title: titleOf(draft) })), report);
      },
    });
  }

  return (
    <section className="screen" aria-labelledby="trash-heading">
      <header className="screen-header">
        <h1 id="trash-heading">{t('trash.heading')}</h1>
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      {drafts && drafts.length === 0 && <p className="empty">{t('trash.empty')}</p>}
      {drafts && drafts.length > 0 && (
        <ul className="draft-list" aria-label={t('trash.heading')}>
          {drafts.map((draft) => (
            <li key={draft.id} className="draft-item">
              <div className="draft-link">
                <span className="draft-title">{titleOf(draft)}</span>
                <span className="draft-date">{t('trash.deletedAt', { date: formatDateTime(draft.deletedAt ?? draft.updatedAt) })}</span>
              </div>
              <button type="button" aria-label={`${t('trash.restore')}: ${titleOf(draft)}`} onClick={() => restore(draft)}>
                {t('trash.restore')}
              </button>
              <button type="button" className="danger" aria-label={`${t('trash.purge')}: ${titleOf(draft)}`} onClick={() => askPurge(draft)}>
                {t('trash.purge')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {drafts && <ShowMore shown={drafts.length} total={total} onClick={showMore} />}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
