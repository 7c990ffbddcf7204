import type { Article } from '../../common/article.js';
import { articleSchema } from '../../common/article.js';
import { canonicalJson } from '../../common/canonical-json.js';

/**
 * Whether the local text of a release is the revision the portal approved: only then do its
 * outputs (Word file, print, PDF) go without "ENTWURF – nicht zur Veröffentlichung". The portal's
 * approved text is that of an approved, scheduled or published release as the app last fetched
 * it; a local change since (even one not yet sent) makes the text a draft again. Both sides are
 * read with the same schema and compared as canonical JSON, so key order and defaults never count.
 */
export function isApprovedText(local: Article, approved: Article | null): boolean {
  if (!approved) return false;
  return canonicalJson(articleSchema.parse(local)) === canonicalJson(articleSchema.parse(approved));
}
