import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import { errorMessage } from './attempt.js';

/** The drafts of one list (active or trash), refreshed whenever main says a draft changed. */
export const PAGE_SIZE = 100;

export function useDrafts(scope: 'active' | 'trash') {
  const { api, bridge } = useBackend();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    const load = () =>
      api.drafts.list({ scope, limit }).then(
        (page) => {
          if (!active) return;
          setDrafts(page.items);
          setTotal(page.total);
          setError(null);
        },
        (caught: unknown) => active && setError(errorMessage(caught)),
      );
    void load();
    const stop = bridge.events.subscribe((event) => {
      if (event.name === 'drafts.changed' || event.name === 'app.restored') void load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, bridge, scope, limit]);

  return { drafts, total, error, showMore: () => setLimit((current) => current + PAGE_SIZE) };
}
