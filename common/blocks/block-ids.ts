import type { Article, ArticleBody, DocumentNode } from '../article.js';
import { blockIdTypes } from './catalog.js';

const idTypes = new Set<string>(blockIdTypes);

/** Whether a node of this type needs an id it does not have (the editor's UniqueID would give one). */
export function lacksId(type: string, id: unknown): boolean {
  return idTypes.has(type) && (typeof id !== 'string' || id === '');
}

/**
 * The release as the editor would make it on opening: an id on every node that carries one
 * (top-level blocks and the paragraphs and lists inside them), as the editor's UniqueID gives
 * them, and a paragraph at the end after any other block, as its TrailingNode adds one (an empty
 * paragraph is never rendered). A release from any source (new, imported, taken from the
 * portal, restored) is stored complete, so that opening it never rewrites it. Ids already there
 * stay; a missing or repeated one gets a new id. Returns the very same article when nothing was
 * missing.
 */
export function completeArticle(article: Article, newId: () => string = () => crypto.randomUUID()): Article {
  const seen = new Set<string>();
  let changed = false;
  const walk = (node: DocumentNode): DocumentNode => {
    let next = node;
    if (idTypes.has(node.type)) {
      const id = node.attrs?.id;
      if (lacksId(node.type, id) || seen.has(id as string)) {
        next = { ...node, attrs: { ...node.attrs, id: newId() } };
        changed = true;
      }
      seen.add(next.attrs!.id as string);
    }
    if (!node.content) return next;
    const content = node.content.map(walk);
    return content.some((child, index) => child !== node.content![index]) ? { ...next, content } : next;
  };
  let body = walk(article.body as DocumentNode) as ArticleBody;
  if (body.content.at(-1)?.type !== 'paragraph') {
    body = { ...body, content: [...body.content, { type: 'paragraph', attrs: { id: newId() } }] };
    changed = true;
  }
  return changed ? { ...article, body } : article;
}
