import type { AnyExtension } from '@tiptap/core';
import { lacksId } from '../../../common/blocks/block-ids.js';

/**
 * UniqueID gives the nodes that lack an id theirs when the editor is made, in a transaction it
 * sends even when none lacks one (a pass over the plugins and a React update at open). Releases
 * are stored complete (common/blocks/block-ids.ts); it runs only if one is not.
 */
export function idsWhereMissing(uniqueId: AnyExtension): AnyExtension {
  return uniqueId.extend({
    onCreate(event) {
      let missing = false;
      this.editor.state.doc.descendants((node) => {
        missing ||= lacksId(node.type.name, node.attrs.id);
        return !missing;
      });
      if (missing) this.parent?.(event);
    },
  });
}

