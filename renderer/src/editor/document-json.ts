import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article, DocumentNode } from '../../../common/article.js';

const converted = new WeakMap<ProseMirrorNode, DocumentNode>();

/**
 * The body as JSON, each top-level block converted only once: ProseMirror keeps every block a
 * change did not touch as the very same object from one state to the next, so a save of a
 * 5,000-block release converts the one block that was typed into, not the whole document. The
 * JSON is shared between saves and must not be changed.
 */
export function documentJson(doc: ProseMirrorNode): Article['body'] {
  const content: DocumentNode[] = [];
  doc.forEach((block) => {
    let json = converted.get(block);
    if (!json) {
      json = block.toJSON() as DocumentNode;
      converted.set(block, json);
    }
    content.push(json);
  });
  return { type: 'doc', content };
}
