import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { t } from '../messages.js';
import { startBlockDrag, topLevelElement } from './block-commands.js';

interface Hovered {
  top: number;
  element: HTMLElement;
}

/** The document position before a top-level block element, read when it is needed: typing moves it. */
function positionBefore(editor: Editor, element: HTMLElement): number | null {
  if (!editor.view.dom.contains(element)) return null;
  const inner = editor.view.posAtDOM(element, 0);
  const $pos = editor.state.doc.resolve(inner);
  const pos = $pos.depth >= 1 ? $pos.before(1) : inner;
  return editor.state.doc.nodeAt(pos) ? pos : null;
}

/**
 * A handle beside the block under the pointer: drag it to move the whole block. ProseMirror's
 * own drop moves it, so undo covers it. Keyboard users have Alt+Shift+Arrow for the same.
 */
export function DragHandle({ editor }: { editor: Editor }) {
  const [hovered, setHovered] = useState<Hovered | null>(null);

  useEffect(() => {
    const container = editor.view.dom.parentElement;
    if (!container) return;
    const onMove = (event: MouseEvent) => {
      const element = topLevelElement(editor, event.target);
      if (!element) return;
      const top = element.offsetTop;
      // A React commit measures the focused editor's selection (O(document)): commit only when the handle moves.
      setHovered((current) => (current?.element === element && current.top === top ? current : { element, top }));
    };
    container.addEventListener('mousemove', onMove);
    return () => container.removeEventListener('mousemove', onMove);
  }, [editor]);

  if (!hovered) return null;
  return (
    <div
      className="drag-handle"
      style={{ top: hovered.top }}
      draggable
      aria-hidden="true"
      title={t('editor.dragHandle')}
      data-testid="drag-handle"
      onDragStart={(event) => {
        const pos = positionBefore(editor, hovered.element);
        if (pos === null) return event.preventDefault();
        startBlockDrag(editor, pos, hovered.element, event.dataTransfer);
      }}
      onDragEnd={() => setHovered(null)}
    >
      ⋮⋮
    </div>
  );
}
