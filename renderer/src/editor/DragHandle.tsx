import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { t } from '../messages.js';
import { startBlockDrag } from './block-commands.js';

interface Hovered {
  pos: number;
  top: number;
  element: HTMLElement;
}

/** The top-level block element under the pointer and the document position before it. */
function blockAt(editor: Editor, target: EventTarget | null): Hovered | null {
  const root = editor.view.dom;
  let element = target instanceof HTMLElement ? target : null;
  while (element && element.parentElement !== root) element = element.parentElement;
  if (!element || !root.contains(element)) return null;
  const inner = editor.view.posAtDOM(element, 0);
  const $pos = editor.state.doc.resolve(inner);
  const pos = $pos.depth >= 1 ? $pos.before(1) : inner;
  if (!editor.state.doc.nodeAt(pos)) return null;
  return { pos, top: element.offsetTop, element };
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
      const found = blockAt(editor, event.target);
      if (found) setHovered(found);
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
      onDragStart={(event) => startBlockDrag(editor, hovered.pos, hovered.element, event.dataTransfer)}
      onDragEnd={() => setHovered(null)}
    >
      ⋮⋮
    </div>
  );
}
