import type { DraftSummary } from '../../common/contract.js';
import { t } from './messages.js';

/** A release's title in lists, or "Ohne Titel". */
export function titleOf(draft: Pick<DraftSummary, 'title'>): string {
  return draft.title.trim() === '' ? t('drafts.untitled') : draft.title;
}
