import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { currentBlock } from './block-commands.js';

/**
 * Marks the top-level block holding the cursor. It is always rendered (blocks far from the
 * cursor skip layout through content-visibility), so the caret can always land in it.
 */
export const CurrentBlock = Extension.create({
  name: 'currentBlock',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          decorations(state) {
            const block = currentBlock(state);
            if (!block) return DecorationSet.empty;
            return DecorationSet.create(state.doc, [Decoration.node(block.pos, block.pos + block.node.nodeSize, { class: 'is-current-block' })]);
          },
        },
      }),
    ];
  },
});
