import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article, DocumentNode } from '../../../common/article.js';

const converted = new WeakMap<ProseMirrorNode, DocumentNode>();

/** One top-level block as JSON, converted once per block object and shared afterwards (not to be changed). */
export function blockJson(block: ProseMirrorNode): DocumentNode {
  let json = converted.get(block);
  if (!json) {
    json = block.toJSON() as DocumentNode;
    converted.set(block, json);
  }
  return json;
}

/** The top-level blocks of a document. */
export function topLevelBlocks(doc: ProseMirrorNode): ProseMirrorNode[] {
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => blocks.push(block));
  return blocks;
}

/**
 * The body as JSON, each top-level block converted only once: ProseMirror keeps every block a
 * change did not touch as the very same object from one state to the next, so a save of a
 * 5,000-block release converts the one block that was typed into, not the whole document.
 */
export function documentJson(blocks: readonly ProseMirrorNode[]): Article['body'] {
  return { type: 'doc', content: blocks.map(blockJson) };
}
