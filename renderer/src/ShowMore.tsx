import { t } from './messages.js';

/** "Weitere anzeigen (100 von 250)" under a list that has more than it shows. */
export function ShowMore({ shown, total, onClick }: { shown: number; total: number; onClick: () => void }) {
  if (shown >= total) return null;
  return (
    <p className="list-more">
      <button type="button" onClick={onClick}>
        {t('drafts.showMore', { shown, total })}
      </button>
    </p>
  );
}
