import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { ARTICLE_FORMAT, ARTICLE_FORMAT_VERSION, type ArticleMeta, type DocumentNode } from '../article.js';
import { createChecker, type CheckOptions, type Finding } from './rules.js';

/**
 * The checks of a live ProseMirror document, incrementally: unchanged top-level nodes (ProseMirror
 * shares them between states) keep their JSON and thereby their findings, so an edit costs the
 * check of one block plus a walk over cached facts.
 */
export function createDocumentChecker(options: CheckOptions = {}): (doc: ProseMirrorNode, meta: ArticleMeta) => Finding[] {
  const json = new WeakMap<ProseMirrorNode, DocumentNode>();
  const check = createChecker(options);
  return (doc, meta) => {
    const content: DocumentNode[] = [];
    doc.forEach((node) => {
      let cached = json.get(node);
      if (!cached) {
        cached = node.toJSON() as DocumentNode;
        json.set(node, cached);
      }
      content.push(cached);
    });
    return check({ format: ARTICLE_FORMAT, formatVersion: ARTICLE_FORMAT_VERSION, meta, body: { type: 'doc', content } });
  };
}
