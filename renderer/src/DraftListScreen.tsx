import { useState } from 'react';
import type { DraftSummary } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { errorMessage } from './attempt.js';
import { openNewDraft } from './create-draft.js';
import { titleOf } from './draft-title.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';
import { ShowMore } from './ShowMore.js';
import { hrefOf, navigate } from './routes.js';
import { SearchBar, SearchResults, type SearchFilter } from './SearchResults.js';
import { useDrafts } from './use-drafts.js';
import { ImportButton } from './transfer.js';
import { usePortalOverview } from './portal-status.js';
import { ReleaseBadge } from './ReleaseBadge.js';
import { useFileDrop, useWordImport, WordImportButton } from './word-import.js';
import { TemplateMenu } from './TemplateMenu.js';

/** The press releases on this machine, newest change first. */
export function DraftListScreen({ onNotice }: { onNotice: (text: string) => void }) {
  const { api } = useBackend();
  const { drafts, total, error, showMore } = useDrafts('active');
  const portalStates = usePortalOverview();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [filter, setFilter] = useState<SearchFilter>({ query: '', scope: 'active', from: '', to: '' });
  const searching = filter.query.trim() !== '';
  const word = useWordImport(onNotice);
  const drop = useFileDrop((files) => void word.importFiles(files), word.busy);


  function askDelete(draft: DraftSummary) {
    setConfirm({
      title: t('drafts.deleteTitle'),
      text: t('drafts.deleteText', { title: titleOf(draft) }),
      confirmLabel: t('drafts.deleteConfirm'),
      onConfirm: () => {
        api.drafts.delete({ id: draft.id }).then(
          () => onNotice(t('drafts.deleted', { title: titleOf(draft) })),
          (caught: unknown) => onNotice(errorMessage(caught)),
        );
      },
    });
  }

  return (
    // Word files dropped anywhere on the list become new releases.
    <section className={drop.dragging ? 'screen word-drop-active' : 'screen'} aria-labelledby="drafts-heading" aria-busy={word.busy} {...drop.props}>
      <header className="screen-header">
        <h1 id="drafts-heading">{t('drafts.heading')}</h1>
        <div className="screen-actions">
          <button type="button" onClick={() => navigate({ screen: 'backups' })}>
            {t('backups.open')}
          </button>
          <ImportButton onNotice={onNotice} />
          <WordImportButton busy={word.busy} onFiles={(files) => void word.importFiles(files)} />
          <TemplateMenu onNotice={onNotice} />
          <button type="button" className="primary" onClick={openNewDraft}>
            {t('drafts.new')}
          </button>
        </div>
      </header>
      {drop.dragging && (
        <p className="word-drop-hint" role="status">
          {t('word.dropHint')}
        </p>
      )}
      <SearchBar filter={filter} onChange={setFilter} />
      {searching && <SearchResults filter={filter} />}
      {!searching && error && <p role="alert" className="error">{t('drafts.loadFailed')} {error}</p>}
      {!searching && drafts && drafts.length === 0 && <p className="empty">{t('drafts.empty')}</p>}
      {!searching && drafts && drafts.length > 0 && (
        <ul className="draft-list" aria-label={t('drafts.heading')}>
          {drafts.map((draft) => (
            <li key={draft.id} className="draft-item">
              <a className="draft-link" href={hrefOf({ screen: 'editor', id: draft.id })}>
                <span className="draft-title">{titleOf(draft)}</span>
                {draft.lead && <span className="draft-lead">{draft.lead}</span>}
                <span className="draft-date">
                  {t('drafts.updatedAt', { date: formatDateTime(draft.updatedAt) })}
                  {portalStates.get(draft.id) && <ReleaseBadge state={portalStates.get(draft.id)!} />}
                </span>
              </a>
              <button type="button" aria-label={`${t('drafts.delete')}: ${titleOf(draft)}`} onClick={() => askDelete(draft)}>
                {t('drafts.delete')}
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
