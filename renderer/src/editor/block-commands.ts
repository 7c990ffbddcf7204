import { Extension, type Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { DocumentNode } from '../../../common/article.js';
import { blockCatalog } from '../../../common/blocks/catalog.js';

/** The element of the top-level block around a DOM node of the editor (the pointer's target, say), or null. */
export function topLevelElement(editor: Editor, target: EventTarget | null): HTMLElement | null {
  const root = editor.view.dom;
  let element = target instanceof HTMLElement ? target : null;
  while (element && element.parentElement !== root) element = element.parentElement;
  return element && root.contains(element) ? element : null;
}

/** The top-level block around the selection: its position in the document and its node. */
export function currentBlock(state: EditorState): { pos: number; index: number; node: ReturnType<EditorState['doc']['child']> } | null {
  const { selection, doc } = state;
  if (doc.childCount === 0) return null;
  if (selection instanceof NodeSelection && selection.$from.depth === 0) {
    const index = selection.$from.index(0);
    return { pos: selection.from, index, node: doc.child(index) };
  }
  const $from = selection.$from;
  if ($from.depth === 0) return null;
  const index = $from.index(0);
  return { pos: $from.before(1), index, node: doc.child(index) };
}

/** Selects the block at pos; the step becomes an undo step of its own. */
function selectBlockAt(tr: Transaction, pos: number): Transaction {
  closeHistory(tr);
  const node = tr.doc.nodeAt(pos);
  if (!node) return tr;
  if (node.isAtom) return tr.setSelection(NodeSelection.create(tr.doc, pos));
  return tr.setSelection(TextSelection.near(tr.doc.resolve(pos + 1)));
}

/** Moves the current block one place up (-1) or down (+1); undo restores it. */
export function moveBlock(editor: Editor, direction: -1 | 1): boolean {
  const { state } = editor;
  const block = currentBlock(state);
  if (!block) return false;
  const target = block.index + direction;
  if (target < 0 || target >= state.doc.childCount) return false;
  const tr = state.tr;
  const neighbour = state.doc.child(target);
  tr.delete(block.pos, block.pos + block.node.nodeSize);
  const insertAt = direction === -1 ? block.pos - neighbour.nodeSize : block.pos + neighbour.nodeSize;
  tr.insert(insertAt, block.node);
  editor.view.dispatch(selectBlockAt(tr, insertAt).scrollIntoView());
  editor.view.focus();
  return true;
}

/** Duplicates the current block below itself; the copy gets new ids. */
export function duplicateBlock(editor: Editor): boolean {
  const { state } = editor;
  const block = currentBlock(state);
  if (!block) return false;
  const json = block.node.toJSON() as DocumentNode;
  const copy = state.schema.nodeFromJSON(withoutIds(json));
  const insertAt = block.pos + block.node.nodeSize;
  const tr = state.tr.insert(insertAt, copy);
  editor.view.dispatch(selectBlockAt(tr, insertAt).scrollIntoView());
  editor.view.focus();
  return true;
}

/** Deletes the current block; an empty document keeps one paragraph. */
export function deleteBlock(editor: Editor): boolean {
  const { state } = editor;
  const block = currentBlock(state);
  if (!block) return false;
  const tr = state.tr.delete(block.pos, block.pos + block.node.nodeSize);
  if (tr.doc.childCount === 0) tr.insert(0, state.schema.nodes.paragraph!.create());
  editor.view.dispatch(selectBlockAt(tr, Math.min(block.pos, tr.doc.content.size - tr.doc.lastChild!.nodeSize)).scrollIntoView());
  editor.view.focus();
  return true;
}

/** Inserts a catalog block after the current one, or in place of an empty paragraph. */
export function insertBlock(editor: Editor, blockName: string): boolean {
  const definition = blockCatalog.find((block) => block.name === blockName);
  return definition ? insertBlockNode(editor, definition.create()) : false;
}

/** Inserts a block given as document JSON, the same way as insertBlock. */
export function insertBlockNode(editor: Editor, json: DocumentNode): boolean {
  const { state } = editor;
  const node = state.schema.nodeFromJSON(json);
  const block = currentBlock(state);
  const tr = state.tr;
  let insertAt: number;
  if (block && block.node.type.name === 'paragraph' && block.node.content.size === 0) {
    tr.replaceWith(block.pos, block.pos + block.node.nodeSize, node);
    insertAt = block.pos;
  } else {
    insertAt = block ? block.pos + block.node.nodeSize : state.doc.content.size;
    tr.insert(insertAt, node);
  }
  editor.view.dispatch(selectBlockAt(tr, insertAt).scrollIntoView());
  editor.view.focus();
  return true;
}

function withoutIds(node: DocumentNode): DocumentNode {
  const { id: _id, ...attrs } = node.attrs ?? {};
  return { ...node, attrs, content: node.content?.map(withoutIds) };
}

/** Starts dragging the block at pos as a move; ProseMirror's drop puts it where it lands. */
export function startBlockDrag(editor: Editor, pos: number, element: HTMLElement, dataTransfer: DataTransfer): void {
  const { view } = editor;
  const selection = NodeSelection.create(view.state.doc, pos);
  // The move that the drop makes is an undo step of its own.
  view.dispatch(closeHistory(view.state.tr.setSelection(selection)));
  dataTransfer.effectAllowed = 'move';
  dataTransfer.setData('text/plain', element.textContent ?? '');
  dataTransfer.setDragImage(element, 0, 0);
  view.dragging = { slice: selection.content(), move: true };
}

/** The accordion item around the cursor: its position and the accordion's. */
function currentAccordionItem(state: EditorState): { itemPos: number; itemSize: number; accordionChildren: number } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 1; depth--) {
    if ($from.node(depth).type.name === 'accordionItem' && $from.node(depth - 1).type.name === 'accordion') {
      return { itemPos: $from.before(depth), itemSize: $from.node(depth).nodeSize, accordionChildren: $from.node(depth - 1).childCount };
    }
  }
  return null;
}

/** Adds an empty item after the current one (or at the end) and puts the cursor into its title. */
export function addAccordionItem(editor: Editor): boolean {
  const { state } = editor;
  const block = currentBlock(state);
  if (!block || block.node.type.name !== 'accordion') return false;
  const current = currentAccordionItem(state);
  const insertAt = current ? current.itemPos + current.itemSize : block.pos + block.node.nodeSize - 1;
  const item = state.schema.nodeFromJSON({ type: 'accordionItem', content: [{ type: 'accordionTitle' }, { type: 'accordionContent', content: [{ type: 'paragraph' }] }] });
  const tr = closeHistory(state.tr.insert(insertAt, item));
  tr.setSelection(TextSelection.near(tr.doc.resolve(insertAt + 2)));
  editor.view.dispatch(tr.scrollIntoView());
  editor.view.focus();
  return true;
}

/** Removes the item around the cursor; the last item stays (delete the block instead). */
export function removeAccordionItem(editor: Editor): boolean {
  const current = currentAccordionItem(editor.state);
  if (!current || current.accordionChildren <= 1) return false;
  const tr = closeHistory(editor.state.tr.delete(current.itemPos, current.itemPos + current.itemSize));
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(current.itemPos, tr.doc.content.size))));
  editor.view.dispatch(tr.scrollIntoView());
  editor.view.focus();
  return true;
}

/** Keyboard shortcuts for moving, duplicating and deleting whole blocks. */
export const BlockCommands = Extension.create({
  name: 'blockCommands',
  addKeyboardShortcuts() {
    return {
      'Alt-Shift-ArrowUp': () => moveBlock(this.editor, -1),
      'Alt-Shift-ArrowDown': () => moveBlock(this.editor, 1),
      'Mod-Shift-d': () => duplicateBlock(this.editor),
      'Mod-Shift-Backspace': () => deleteBlock(this.editor),
    };
  },
});
