import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { ARTICLE_FORMAT, ARTICLE_FORMAT_VERSION, type ArticleMeta } from '../article.js';
import { documentJson, topLevelBlocks } from '../document-json.js';
import { createChecker, type CheckOptions, type Finding } from './rules.js';

/**
 * The checks of a live ProseMirror document, incrementally: unchanged top-level nodes (ProseMirror
 * shares them between states) keep their JSON (common/document-json.ts, the same the save sends)
 * and thereby their findings, so an edit costs the check of one block plus a walk over cached facts.
 */
export function createDocumentChecker(options: CheckOptions = {}): (doc: ProseMirrorNode, meta: ArticleMeta) => Finding[] {
  const check = createChecker(options);
  return (doc, meta) => check({ format: ARTICLE_FORMAT, formatVersion: ARTICLE_FORMAT_VERSION, meta, body: documentJson(topLevelBlocks(doc)) });
}
