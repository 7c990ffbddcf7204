import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article, DocumentNode } from './article.js';

/** The top-level blocks of a document. */
export function topLevelBlocks(doc: ProseMirrorNode): ProseMirrorNode[] {
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => blocks.push(block));
  return blocks;
}

/** One top-level block as JSON. */
export function blockJson(block: ProseMirrorNode): DocumentNode {
  return block.toJSON() as DocumentNode;
}

/** The body as JSON, from its top-level blocks. */
export function documentJson(blocks: readonly ProseMirrorNode[]): Article['body'] {
  return { type: 'doc', content: blocks.map(blockJson) };
}
