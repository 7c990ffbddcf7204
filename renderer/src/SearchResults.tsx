import { useEffect, useId, useState } from 'react';
import type { SearchHit } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import { errorMessage } from './attempt.js';
import { DateTextInput } from './DateTextInput.js';
import { titleOf } from './draft-title.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';
import { hrefOf } from './routes.js';

export interface SearchFilter {
  query: string;
  scope: 'active' | 'trash' | 'all';
  from: string;
  to: string;
}

/** The search field and its filters; results update as the person types. */
export function SearchBar({ filter, onChange }: { filter: SearchFilter; onChange: (filter: SearchFilter) => void }) {
  const id = useId();
  return (
    <search className="search-bar">
      <div className="search-field">
        <label htmlFor={`${id}-query`}>{t('search.label')}</label>
        <input id={`${id}-query`} type="search" value={filter.query} placeholder={t('search.placeholder')} maxLength={200} onChange={(event) => onChange({ ...filter, query: event.target.value })} lang="de" />
      </div>
      <div className="search-filter">
        <label htmlFor={`${id}-scope`}>{t('search.scope')}</label>
        <select id={`${id}-scope`} value={filter.scope} onChange={(event) => onChange({ ...filter, scope: event.target.value as SearchFilter['scope'] })}>
          <option value="active">{t('search.scopeActive')}</option>
          <option value="trash">{t('search.scopeTrash')}</option>
          <option value="all">{t('search.scopeAll')}</option>
        </select>
      </div>
      <div className="search-filter">
        <label htmlFor={`${id}-from`}>{t('search.from')}</label>
        <DateTextInput id={`${id}-from`} kind="day" value={filter.from} onChange={(value) => onChange({ ...filter, from: value })} />
      </div>
      <div className="search-filter">
        <label htmlFor={`${id}-to`}>{t('search.to')}</label>
        <DateTextInput id={`${id}-to`} kind="day" value={filter.to} onChange={(value) => onChange({ ...filter, to: value })} />
      </div>
    </search>
  );
}

/** The releases matching the search, each with its passage and the matches marked. */
export function SearchResults({ filter }: { filter: SearchFilter }) {
  const { api } = useBackend();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // A short pause after the last keystroke, so typing is never held up by searching.
    const timer = setTimeout(() => {
      api.drafts
        .search({ query: filter.query, scope: filter.scope, from: filter.from || undefined, to: filter.to || undefined })
        .then(
          (found) => {
            if (!current) return;
            setHits(found);
            setError(null);
          },
          (caught: unknown) => current && setError(errorMessage(caught)),
        );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, filter]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!hits) return null;
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="search-count" aria-live="polite">
        {hits.length === 0 ? t('search.none', { query: filter.query }) : t('search.count', { count: hits.length })}
      </h2>
      <ul className="draft-list" aria-label={t('search.results')}>
        {hits.map(({ draft, snippet }) => (
          <li key={draft.id} className="draft-item">
            <a className="draft-link" href={hrefOf({ screen: 'editor', id: draft.id })}>
              <span className="draft-title">{titleOf(draft)}</span>
              <span className="search-snippet">
                {snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
              </span>
              <span className="draft-date">
                {draft.deletedAt ? t('trash.deletedAt', { date: formatDateTime(draft.deletedAt) }) : t('drafts.updatedAt', { date: formatDateTime(draft.updatedAt) })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
