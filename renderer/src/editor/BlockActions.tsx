import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { t } from '../messages.js';
import { addAccordionItem, removeAccordionItem } from './block-commands.js';

/** Actions that only some blocks have: rows and columns of a table, items of an accordion. */
export function BlockActions({ editor, type }: { editor: Editor; type: string }) {
  if (type === 'table') return <TableActions editor={editor} />;
  if (type === 'accordion') return <AccordionActions editor={editor} />;
  return null;
}

function TableActions({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      inCell: current.isActive('tableCell') || current.isActive('tableHeader'),
      headerRow: isFirstRowHeader(current),
    }),
  });
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => command(editor.chain().focus()).run();
  return (
    <div className="panel-actions" role="group" aria-label={t('table.actions')}>
      <label className="panel-field-checkbox">
        <input type="checkbox" checked={state.headerRow} disabled={!state.inCell} onChange={() => run((chain) => chain.toggleHeaderRow())} />
        {t('table.headerRow')}
      </label>
      <button type="button" disabled={!state.inCell} onClick={() => run((chain) => chain.addRowAfter())}>
        {t('table.addRow')}
      </button>
      <button type="button" disabled={!state.inCell} onClick={() => run((chain) => chain.addColumnAfter())}>
        {t('table.addColumn')}
      </button>
      <button type="button" disabled={!state.inCell} onClick={() => run((chain) => chain.deleteRow())}>
        {t('table.deleteRow')}
      </button>
      <button type="button" disabled={!state.inCell} onClick={() => run((chain) => chain.deleteColumn())}>
        {t('table.deleteColumn')}
      </button>
      {!state.inCell && <p className="field-hint">{t('table.cursorHint')}</p>}
    </div>
  );
}

function isFirstRowHeader(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'table') {
      const first = node.firstChild;
      return first !== null && first.childCount > 0 && [...Array(first.childCount).keys()].every((index) => first.child(index).type.name === 'tableHeader');
    }
  }
  return false;
}

function AccordionActions({ editor }: { editor: Editor }) {
  return (
    <div className="panel-actions" role="group" aria-label={t('accordion.actions')}>
      <button type="button" onClick={() => addAccordionItem(editor)}>
        {t('accordion.addItem')}
      </button>
      <button type="button" onClick={() => removeAccordionItem(editor)}>
        {t('accordion.removeItem')}
      </button>
    </div>
  );
}
