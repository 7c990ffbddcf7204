import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ArticleMeta, DocumentNode } from '../article.js';
import { topLevelBlocks } from '../document-json.js';
import { createChecker, type CheckOptions, type Finding } from './rules.js';

/**
 * The checks of a live ProseMirror document, incrementally: what was found in a top-level node is
 * kept per node (ProseMirror shares unchanged nodes between states), so an edit costs the check of
 * one block plus a walk over what was kept. A block's JSON is made for its check and let go: the
 * document is held once, as the editor's.
 */
export function createDocumentChecker(options: CheckOptions = {}): (doc: ProseMirrorNode, meta: ArticleMeta) => Finding[] {
  const check = createChecker((block: ProseMirrorNode) => block.toJSON() as DocumentNode, options);
  return (doc, meta) => check(meta, topLevelBlocks(doc));
}
