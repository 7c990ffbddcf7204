import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../common/contract.js';
import { mediaPathResolver } from '../../common/media.js';
import { renderArticle } from '../../common/rendering/render-article.js';
import { useBackend } from './api-context.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';
import { hrefOf, navigate } from './routes.js';
import { formatBerlinLocal } from '../../common/berlin-time.js';
import { useLive } from './use-live.js';
import { commentableBlocks, Comments } from './Comments.js';

type InboxItem = MethodOutput<'sync.inbox'>[number];

/** The review inbox, as last fetched from the portal; kept current by `sync.changed`. */
function useInbox(): InboxItem[] | null {
  const { api } = useBackend();
  // Fetch the newest submissions when the inbox opens (signed in), then show what is stored.
  useEffect(() => {
    void api.portal.status().then(
      (status) => (status.connected ? api.sync.refresh().then(() => undefined) : undefined),
      () => undefined,
    );
  }, [api]);
  return useLive('inbox', (client) => client.sync.inbox(), (event) => event.name === 'sync.changed')[0];
}

/** "Zur Prüfung": submitted releases of others. */
export function InboxScreen() {
  const items = useInbox();
  return (
    <section className="screen" aria-labelledby="inbox-heading">
      <header className="screen-header">
        <h1 id="inbox-heading">{t('sync.inbox')}</h1>
      </header>
      {items?.length === 0 && <p className="empty">{t('sync.inboxEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="draft-list" aria-label={t('sync.inbox')}>
          {items.map((item) => (
            <li key={item.id} className="draft-item">
              <a className="draft-link" href={hrefOf({ screen: 'review', id: item.id })}>
                <span className="draft-title">{item.article.meta.title}</span>
                {item.article.meta.lead && <span className="draft-lead">{item.article.meta.lead}</span>}
                <span className="draft-date">
                  {t('sync.submittedBy', { author: item.createdBy, revision: item.revision })} · {formatDateTime(item.updatedAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One submitted release, read-only in the portal's look, with the approver's decision for exactly this revision. */
export function ReviewScreen({ id }: { id: string }) {
  const { api } = useBackend();
  const items = useInbox();
  const [notice, setNotice] = useState<string | null>(null);
  const item = items?.find((candidate) => candidate.id === id);
  if (items === null) return <p className="loading">{t('app.loading')}</p>;
  if (!item) {
    return (
      <section className="screen">
        <p className="empty">{notice ?? t('sync.notInInbox')}</p>
        <a href={hrefOf({ screen: 'inbox' })}>{t('sync.inbox')}</a>
      </section>
    );
  }

  async function edit() {
    try {
      await api.sync.edit({ id });
      navigate({ screen: 'editor', id });
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
  }

  async function decide(action: 'approve' | 'request_changes') {
    try {
      await api.sync.review({ id, action, revision: item!.revision });
      setNotice(t('sync.reviewed', { revision: item!.revision }));
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="screen review-screen" aria-label={item.article.meta.title}>
      <header className="screen-header editor-toolbar">
        <a href={hrefOf({ screen: 'inbox' })}>← {t('sync.inbox')}</a>
        <p className="sync-line">{t('sync.submittedBy', { author: item.createdBy, revision: item.revision })}</p>
        <button type="button" aria-describedby={`${id}-edit`} onClick={() => void edit()}>
          {t('sync.edit')}
        </button>
        <button type="button" onClick={() => void decide('request_changes')}>
          {t('sync.requestChanges')}
        </button>
        <button type="button" className="primary" disabled={!item.mayApprove} aria-describedby={item.mayApprove ? undefined : `${id}-own`} onClick={() => void decide('approve')}>
          {t('sync.approve')}
        </button>
      </header>
      {!item.mayApprove && (
        <p id={`${id}-own`} className="notice-inline">
          {t('sync.ownRevision')}
        </p>
      )}
      {notice && (
        <p role="alert" className="notice-inline">
          {notice}
        </p>
      )}
      {item.article.meta.embargo && <p className="embargo-banner">{t('sync.embargo', { embargo: formatBerlinLocal(item.article.meta.embargo) })}</p>}
      <p className="field-hint">{t('sync.readOnly')}</p>
      <p id={`${id}-edit`} className="field-hint">
        {t('sync.editHint')}
      </p>
      <div className="review-layout">
        {/* The same renderer as publishing; its output is built from escaped, structured data. */}
        <div className="portal-preview portal" role="region" aria-label={t('preview.label')} dangerouslySetInnerHTML={{ __html: renderArticle(item.article, mediaPathResolver) }} />
        <Comments id={id} revision={item.revision} blocks={commentableBlocks(item.article)} compose />
      </div>
    </section>
  );
}
