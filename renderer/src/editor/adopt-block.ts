import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article } from '../../../common/article.js';

function findBlock(doc: ProseMirrorNode, blockId: string): { pos: number; node: ProseMirrorNode } | null {
  let found: { pos: number; node: ProseMirrorNode } | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.attrs.id === blockId) found = { pos: offset, node };
  });
  return found;
}

/**
 * Combining two versions block by block: the block as the other version has it takes its place
 * in the editor (changed, or moved to where the other version has it); a block only the other
 * version has is inserted after the nearest earlier block both share; a block the other version
 * does not have is removed. One undo step.
 */
export function adoptBlock(editor: Editor, other: Article, blockId: string): void {
  const { state } = editor;
  const tr = state.tr;
  const local = findBlock(tr.doc, blockId);
  if (local) tr.delete(local.pos, local.pos + local.node.nodeSize);
  const index = other.body.content.findIndex((node) => node.attrs?.id === blockId);
  if (index !== -1) {
    let insertAt = 0;
    for (let earlier = index - 1; earlier >= 0; earlier--) {
      const id = other.body.content[earlier]!.attrs?.id;
      const found = typeof id === 'string' ? findBlock(tr.doc, id) : null;
      if (found) {
        insertAt = found.pos + found.node.nodeSize;
        break;
      }
    }
    tr.insert(insertAt, editor.schema.nodeFromJSON(other.body.content[index]));
  }
  if (tr.docChanged && tr.doc.childCount === 0) tr.insert(0, editor.schema.nodes.paragraph!.create());
  editor.view.dispatch(closeHistory(tr));
  editor.view.dispatch(closeHistory(editor.state.tr));
}
