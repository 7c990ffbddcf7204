import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Article } from '../../common/article.js';
import type { MethodOutput } from '../../common/contract.js';
import { mediaPathResolver } from '../../common/media.js';
import { renderArticle } from '../../common/rendering/render-article.js';
import { useBackend } from './api-context.js';
import { attempt } from './attempt.js';
import { formatDateTime } from './format-date.js';
import { followSlideLink } from './slide-links.js';
import { t } from './messages.js';
import { hrefOf, navigate } from './routes.js';
import { formatBerlinLocal } from '../../common/berlin-time.js';
import { useLive } from './use-live.js';
import { CommentMarkers, commentableBlocks, Comments } from './Comments.js';

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

/** For approvers: the live releases of others, as last fetched. */
function useLiveReleases(): InboxItem[] | null {
  return useLive('live', (client) => client.sync.live(), (event) => event.name === 'sync.changed')[0];
}

function CopyList({ items, label, line }: { items: InboxItem[]; label: string; line: (item: InboxItem) => string }) {
  return (
    <ul className="draft-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="draft-item">
          <a className="draft-link" href={hrefOf({ screen: 'review', id: item.id })}>
            <span className="draft-title">{item.article.meta.title}</span>
            {item.article.meta.lead && <span className="draft-lead">{item.article.meta.lead}</span>}
            <span className="draft-date">
              {line(item)} · {formatDateTime(item.updatedAt)}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "Zur Prüfung": submitted releases of others. */
export function InboxScreen() {
  const items = useInbox();
  const live = useLiveReleases();
  return (
    <section className="screen" aria-labelledby="inbox-heading">
      <header className="screen-header">
        <h1 id="inbox-heading">{t('sync.inbox')}</h1>
      </header>
      {items?.length === 0 && <p className="empty">{t('sync.inboxEmpty')}</p>}
      {items && items.length > 0 && <CopyList items={items} label={t('sync.inbox')} line={(item) => t('sync.submittedBy', { author: item.createdBy, revision: item.revision })} />}
      {live && live.length > 0 && (
        <>
          <h2 id="live-heading">{t('sync.liveHeading')}</h2>
          <p className="field-hint">{t('sync.liveHint')}</p>
          <CopyList items={live} label={t('sync.liveHeading')} line={(item) => `${t(`sync.status.${item.status}`)} · ${item.createdBy}`} />
        </>
      )}
    </section>
  );
}

/** One submitted release, read-only in the portal's look, with the approver's decision for exactly this revision. */
export function ReviewScreen({ id }: { id: string }) {
  const { api } = useBackend();
  const inbox = useInbox();
  const live = useLiveReleases();
  const items = inbox && live ? [...inbox, ...live] : null;
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<{ id: string; at: number } | null>(null);
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

  if (item.status === 'published' || item.status === 'scheduled') return <LiveRelease item={item} notice={notice} onNotice={setNotice} />;

  async function edit() {
    await attempt(async () => {
      await api.sync.edit({ id });
      navigate({ screen: 'editor', id });
    }, setNotice);
  }

  async function decide(action: 'approve' | 'request_changes') {
    await attempt(async () => {
      await api.sync.review({ id, action, revision: item!.revision });
      setNotice(t('sync.reviewed', { revision: item!.revision }));
    }, setNotice);
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
      <p className="field-hint">{t('comments.pickInPreview')}</p>
      <div className="review-layout">
        <ReviewPreview id={id} article={item.article} revision={item.revision} onPick={(blockId) => setChosen({ id: blockId, at: Date.now() })} />
        <Comments id={id} revision={item.revision} blocks={commentableBlocks(item.article.body.content)} compose chosenBlock={chosen} />
      </div>
    </section>
  );
}

/**
 * The release in the portal's look, with the comments beside their blocks. Clicking a block
 * chooses it for a new comment; links do not lead away from the review.
 */
function ReviewPreview({ id, article, revision, onPick }: { id: string; article: Article; revision: number; onPick: (blockId: string) => void }) {
  const [frame, setFrame] = useState<HTMLElement | null>(null);
  const blocks = useMemo(() => commentableBlocks(article.body.content), [article]);
  const html = useMemo(() => renderArticle(article, mediaPathResolver), [article]);
  const ids = useMemo(() => new Set(blocks.map((block) => block.id)), [blocks]);
  /** The top-level block an element belongs to (nested text inside columns has ids of its own). */
  const blockOf = useCallback(
    (element: Element | null): HTMLElement | null => {
      for (let current = element?.closest('[data-block-id]'); current; current = current.parentElement?.closest('[data-block-id]')) {
        if (ids.has(current.getAttribute('data-block-id') ?? '')) return current as HTMLElement;
      }
      return null;
    },
    [ids],
  );
  const locate = useCallback((blockId: string) => frame?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(blockId)}"]`) ?? null, [frame]);
  const watch = useCallback(
    (update: () => void) => {
      if (!frame) return () => undefined;
      // Images arriving change the heights.
      const observer = new ResizeObserver(update);
      observer.observe(frame);
      return () => observer.disconnect();
    },
    [frame],
  );
  return (
    <div className="review-preview-frame" ref={setFrame}>
      {/* The same renderer as publishing; its output is built from escaped, structured data. */}
      <div
        className="portal-preview portal review-preview"
        role="region"
        aria-label={t('preview.label')}
        onClick={(event) => {
          followSlideLink(event);
          if ((event.target as Element).closest('a')) event.preventDefault();
          const block = blockOf(event.target as Element);
          if (block) onPick(block.getAttribute('data-block-id')!);
        }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <CommentMarkers id={id} revision={revision} blocks={blocks} frame={frame} locate={locate} watch={watch} />
    </div>
  );
}

/**
 * Someone else's live release, for an approver: read-only, with its public address and
 * "Zurückziehen" with a reason (the portal records who and why).
 */
function LiveRelease({ item, notice, onNotice }: { item: InboxItem; notice: string | null; onNotice: (notice: string) => void }) {
  const { api } = useBackend();
  const [reason, setReason] = useState('');
  const fieldId = `${item.id}-withdraw`;
  async function withdraw() {
    await attempt(async () => {
      await api.sync.withdraw({ id: item.id, reason });
      onNotice(t('sync.withdrawQueued'));
    }, onNotice);
  }
  return (
    <section className="screen review-screen" aria-label={item.article.meta.title}>
      <header className="screen-header editor-toolbar">
        <a href={hrefOf({ screen: 'inbox' })}>← {t('sync.inbox')}</a>
        <p className="sync-line">
          {t(`sync.status.${item.status}`)} · {item.createdBy}
        </p>
      </header>
      {item.url && (
        <p>
          {t('sync.publicAddress')}:{' '}
          <a href={item.url} target="_blank" rel="noreferrer">
            {item.url}
          </a>
        </p>
      )}
      <div className="publish-form">
        <label htmlFor={fieldId}>{t('sync.withdrawReason')}</label>
        <input id={fieldId} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
        <button type="button" className="danger" disabled={reason.trim().length < 3} onClick={() => void withdraw()}>
          {t('sync.withdraw')}
        </button>
      </div>
      {notice && (
        <p role="alert" className="notice-inline">
          {notice}
        </p>
      )}
      <div className="portal-preview portal" role="region" aria-label={t('preview.label')} onClick={followSlideLink} dangerouslySetInnerHTML={{ __html: renderArticle(item.article, mediaPathResolver) }} />
    </section>
  );
}
