import type { Article, ArticleBody, DocumentNode } from '../article.js';
import { blockIdTypes } from './catalog.js';

const idTypes = new Set<string>(blockIdTypes);

/**
 * The release with an id on every node that carries one (top-level blocks and the paragraphs
 * and lists inside them), as the editor's UniqueID gives them: a release from any source (new,
 * imported, taken from the portal, restored) is stored complete, so that opening it never
 * rewrites it. Ids already there stay; a missing or repeated one gets a new id. Returns the
 * very same article when nothing was missing.
 */
export function completeBlockIds(article: Article, newId: () => string = () => crypto.randomUUID()): Article {
  const seen = new Set<string>();
  let changed = false;
  const walk = (node: DocumentNode): DocumentNode => {
    let next = node;
    if (idTypes.has(node.type)) {
      const id = node.attrs?.id;
      if (typeof id !== 'string' || id === '' || seen.has(id)) {
        next = { ...node, attrs: { ...node.attrs, id: newId() } };
        changed = true;
      }
      seen.add(next.attrs!.id as string);
    }
    if (!node.content) return next;
    const content = node.content.map(walk);
    return content.some((child, index) => child !== node.content![index]) ? { ...next, content } : next;
  };
  const body = walk(article.body as DocumentNode) as ArticleBody;
  return changed ? { ...article, body } : article;
}
