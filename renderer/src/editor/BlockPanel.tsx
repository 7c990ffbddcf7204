import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { blockOfNode } from '../../../common/blocks/catalog.js';
import { t } from '../messages.js';
import { currentBlock, deleteBlock, duplicateBlock, moveBlock } from './block-commands.js';
import { BlockActions } from './BlockActions.js';
import { FieldControl } from './FieldControl.js';

/** The side panel for the block around the cursor: its attributes and the block actions. */
export function BlockPanel({ editor }: { editor: Editor }) {
  const snapshot = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const block = currentBlock(current.state);
      if (!block) return null;
      return JSON.stringify({ pos: block.pos, type: block.node.type.name, attrs: block.node.attrs, index: block.index, count: current.state.doc.childCount });
    },
  });
  if (!snapshot) {
    return <p className="panel-empty">{t('panel.noBlock')}</p>;
  }
  const { pos, type, attrs, index, count } = JSON.parse(snapshot) as { pos: number; type: string; attrs: Record<string, unknown>; index: number; count: number };
  const definition = blockOfNode(type);
  if (!definition) return null;

  function setAttribute(name: string, value: unknown) {
    editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...editor.state.doc.nodeAt(pos)?.attrs, [name]: value }));
  }

  return (
    <section className="panel-section" aria-labelledby="block-panel-heading">
      <h2 id="block-panel-heading">{t('panel.block', { name: t(definition.label) })}</h2>
      <div className="panel-actions">
        <button type="button" onClick={() => moveBlock(editor, -1)} disabled={index === 0}>
          {t('panel.moveUp')}
        </button>
        <button type="button" onClick={() => moveBlock(editor, 1)} disabled={index >= count - 1}>
          {t('panel.moveDown')}
        </button>
        <button type="button" onClick={() => duplicateBlock(editor)}>
          {t('panel.duplicate')}
        </button>
        <button type="button" className="danger" onClick={() => deleteBlock(editor)}>
          {t('panel.delete')}
        </button>
      </div>
      <p className="field-hint">{t('panel.shortcuts')}</p>
      <BlockActions editor={editor} type={type} />
      {definition.editorFields.map((field) => (
        <FieldControl key={`${String(attrs.id ?? pos)}-${field.name}`} field={field} value={attrs[field.name]} onChange={(value) => setAttribute(field.name, value)} />
      ))}
    </section>
  );
}
