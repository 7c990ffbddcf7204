import type { Article, DocumentNode } from '../../common/article.js';
import { applyBlockChanges } from '../../common/block-changes.js';
import { validArticle, type ParsedInput, type SaveResult } from '../../common/contract.js';
import { invalidInputFailure } from '../../common/result.js';
import type { DraftStore } from './draft-store.js';

/**
 * `drafts.saveChanges`: rebuilds the whole article from the stored version and the changes,
 * checks it exactly as a whole save is checked, and stores it through the same path, so a
 * conflict still becomes a copy. `stale` when the stored draft is not at the caller's base.
 */
export function saveChanges(drafts: DraftStore, input: ParsedInput<'drafts.saveChanges'>): SaveResult | { status: 'stale' } {
  const stored = drafts.get(input.id);
  if (stored.version !== input.baseVersion || stored.deletedAt !== null) return { status: 'stale' };
  const blocks = applyBlockChanges(stored.article.body.content as DocumentNode[], input.blocks);
  if (!blocks) return { status: 'stale' };
  const parsed = validArticle.safeParse({ ...input.head, body: { type: 'doc', content: blocks } });
  if (!parsed.success) throw invalidInputFailure(parsed.error);
  return drafts.save(input.id, input.baseVersion, parsed.data as Article);
}
