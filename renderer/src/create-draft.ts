import { emptyArticle, type Article } from '../../common/article.js';
import { canonicalJson } from '../../common/canonical-json.js';
import type { Draft } from '../../common/contract.js';
import { navigate } from './routes.js';

/** "Neue Pressemitteilung": opens an empty release in the editor; it is stored with the first input. */
export function openNewDraft(): void {
  navigate({ screen: 'new', id: crypto.randomUUID() });
}

/** An empty press release not stored yet: version 0 (its first save creates it, as version 1). */
export function unsavedDraft(id: string): Draft {
  const now = new Date().toISOString();
  return { id, version: 0, createdAt: now, updatedAt: now, deletedAt: null, article: emptyArticle() };
}

/** Whether an article holds nothing a person entered (the editor gives the empty paragraph an id on opening). */
export function isUntouched(article: Article): boolean {
  const blocks = article.body.content ?? [];
  const onlyEmptyParagraph = blocks.length === 1 && blocks[0]!.type === 'paragraph' && !(blocks[0]!.content ?? []).length;
  return onlyEmptyParagraph && canonicalJson(article.meta) === canonicalJson(emptyArticle().meta);
}
