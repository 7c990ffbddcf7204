import { useEffect, useId, useMemo, useState } from 'react';
import type { Article } from '../../../common/article.js';
import type { RevisionSummary } from '../../../common/contract.js';
import { diffArticles } from '../../../common/diff/article-diff.js';
import { useBackend } from '../api-context.js';
import { errorMessage } from '../attempt.js';
import { formatDateTime } from '../format-date.js';
import { t } from '../messages.js';
import { DiffView } from './DiffView.js';
import { groupRevisions } from './groups.js';

/** A side of the comparison: a revision, or what is in the editor now. */
type Side = number | 'current';

export function revisionTitle(revision: RevisionSummary): string {
  return `${formatDateTime(revision.createdAt)} – ${t(`history.reason.${revision.reason}`)}`;
}

/**
 * "Verlauf": the revisions of a release, newest first; any two of them (or one and the
 * current text) compared block by block; any one restored as the newest.
 */
export function HistoryView(props: { articleId: string; current: () => Article; onRestore: (revision: RevisionSummary) => void }) {
  const { articleId, current, onRestore } = props;
  const { api, bridge } = useBackend();
  const headingId = useId();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [from, setFrom] = useState<Side | null>(null);
  const [to, setTo] = useState<Side>('current');
  const [articles, setArticles] = useState<ReadonlyMap<number, Article>>(new Map());
  // The editor's text when the history opened (the editor is hidden meanwhile).
  const [currentArticle] = useState(current);

  useEffect(() => {
    let active = true;
    const load = () =>
      api.history.list({ id: articleId }).then(
        (list) => {
          if (!active) return;
          setRevisions(list);
          // First view: the newest revision against the one before it, or against the current text.
          setFrom((chosen) => chosen ?? (list.length >= 2 ? list[1]!.id : (list[0]?.id ?? null)));
          setTo((chosen) => (chosen === 'current' && list.length >= 2 ? list[0]!.id : chosen));
        },
        (error: unknown) => active && setProblem(t('history.loadFailed', { reason: errorMessage(error) })),
      );
    void load();
    const stop = bridge.events.subscribe((event) => {
      if (event.name === 'history.changed' && event.payload.id === articleId) void load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, bridge, articleId]);

  // Revisions never change, so each is fetched once.
  useEffect(() => {
    for (const side of [from, to]) {
      if (typeof side !== 'number' || articles.has(side)) continue;
      api.history.get({ id: articleId, revision: side }).then(
        ({ article }) => setArticles((loaded) => new Map(loaded).set(side, article)),
        (error: unknown) => setProblem(t('history.loadFailed', { reason: errorMessage(error) })),
      );
    }
  }, [api, articleId, from, to, articles]);

  const articleOf = (side: Side | null) => (side === null ? undefined : side === 'current' ? currentArticle : articles.get(side));
  const older = articleOf(from);
  const newer = articleOf(to);
  const diff = useMemo(() => (older && newer ? diffArticles(older, newer) : null), [older, newer]);

  function showChanges(index: number) {
    const list = revisions ?? [];
    const revision = list[index]!;
    const previous = list[index + 1];
    setTo(revision.id);
    setFrom(previous ? previous.id : revision.id);
  }

  const sideLabel = (side: Side) => {
    if (side === 'current') return t('history.current');
    const revision = revisions?.find((candidate) => candidate.id === side);
    return revision ? revisionTitle(revision) : '';
  };

  const options = (
    <>
      <option value="current">{t('history.current')}</option>
      {(revisions ?? []).map((revision) => (
        <option key={revision.id} value={revision.id}>
          {revisionTitle(revision)}
          {revision.labels.length > 0 ? ` – „${revision.labels.join('“, „')}“` : ''}
        </option>
      ))}
    </>
  );
  const parseSide = (value: string): Side => (value === 'current' ? 'current' : Number(value));

  const renderItem = (revision: RevisionSummary, index: number) => (
    <li key={revision.id} className="history-item" aria-current={to === revision.id ? 'true' : undefined}>
      <p className="history-item-title">
        <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time>
        <span className="history-reason">
          {t(`history.reason.${revision.reason}`)}
          {revision.restoredFrom !== null && revisionDate(revisions ?? [], revision.restoredFrom) && (
            <> {t('history.restoredFrom', { date: revisionDate(revisions ?? [], revision.restoredFrom)! })}</>
          )}
        </span>
      </p>
      {revision.labels.map((label) => (
        <p key={label} className="history-label">
          {label}
        </p>
      ))}
      <div className="history-actions">
        <button type="button" onClick={() => showChanges(index)}>
          {t('history.compareWithPrevious')}
        </button>
        <button type="button" onClick={() => onRestore(revision)}>
          {t('history.restore')}
        </button>
      </div>
    </li>
  );

  return (
    <section className="history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.heading')}</h2>
      {problem && (
        <p role="alert" className="notice-inline notice-problem">
          {problem}
        </p>
      )}
      {revisions === null && !problem && <p className="loading">{t('app.loading')}</p>}
      {revisions?.length === 0 && <p className="empty">{t('history.empty')}</p>}
      {revisions && revisions.length > 0 && (
        <div className="history-layout">
          <ol className="history-list" aria-label={t('history.list')}>
            {groupRevisions(revisions).map((row) =>
              row.kind === 'revision' ? (
                renderItem(revisions[row.index]!, row.index)
              ) : (
                <li key={`group-${revisions[row.indices[0]!]!.id}`} className="history-group">
                  {/* Opened by the person, or when it holds the revision shown. */}
                  <details open={row.indices.some((index) => revisions[index]!.id === to) || undefined}>
                    <summary>{t('history.autoGroup', { count: row.indices.length, day: row.day })}</summary>
                    <ol className="history-list">{row.indices.map((index) => renderItem(revisions[index]!, index))}</ol>
                  </details>
                </li>
              ),
            )}
          </ol>
          <div className="history-compare">
            <div className="history-sides">
              <label>
                {t('history.compareFrom')}
                <select value={String(from ?? 'current')} onChange={(event) => setFrom(parseSide(event.target.value))}>
                  {options}
                </select>
              </label>
              <label>
                {t('history.compareTo')}
                <select value={String(to)} onChange={(event) => setTo(parseSide(event.target.value))}>
                  {options}
                </select>
              </label>
            </div>
            <section aria-label={t('diff.heading')} className="history-diff">
              <h3>{t('diff.heading')}</h3>
              {from !== null && <p className="history-between">{t('diff.between', { from: sideLabel(from), to: sideLabel(to) })}</p>}
              {from === to && from === revisions.at(-1)?.id ? (
                <p className="empty">{t('history.first')}</p>
              ) : diff ? (
                <DiffView diff={diff} />
              ) : (
                <p className="loading">{t('app.loading')}</p>
              )}
            </section>
          </div>
        </div>
      )}
    </section>
  );
}

function revisionDate(revisions: readonly RevisionSummary[], id: number): string | null {
  const revision = revisions.find((candidate) => candidate.id === id);
  return revision ? formatDateTime(revision.createdAt) : null;
}
