import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorProps } from '@tiptap/pm/view';
import { useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { documentExtensions } from '../../../common/blocks/catalog.js';
import type { Api } from '../bridge.js';
import type { DraftSession } from '../draft-session.js';
import { t } from '../messages.js';
import { BlockCommands, currentBlock } from './block-commands.js';
import { CheckMarks } from './checks.js';
import { CurrentBlock } from './current-block.js';
import { dropFiles } from './drop-files.js';
import { GermanTypography } from './german-typography.js';
import { idsWhereMissing } from './ids-where-missing.js';
import { OffscreenBlocks, withOffscreenBlocks } from './offscreen-blocks.js';
import { cleanPastedHtml, notPasted, parsePlainText, PastedBlockIds } from './paste.js';

/**
 * TipTap's EditorContent gives the view its node views again when it mounts: new functions, so
 * ProseMirror draws the whole document a second time (about 120 ms at 5,000 blocks, for the
 * long releases' node views of offscreen-blocks.ts). They were given when the view was made and
 * never change; they are given again only if the view has none (EditorContent removes them when
 * it unmounts).
 */
function keepNodeViews(editor: Editor): void {
  const createNodeViews = editor.createNodeViews.bind(editor);
  editor.createNodeViews = () => {
    if (Object.keys(editor.view.props.nodeViews ?? {}).length === 0) createNodeViews();
  };
}

/** Where the insert menu opens: under the toolbar, or at the cursor after "/". */
export type MenuPlacement = { at: 'toolbar' } | { at: 'cursor'; top: number; left: number };

/**
 * The TipTap editor of the release's body: the catalog's blocks, German typography, "/" for the
 * block menu, dropped files as blocks. Changes go to the session, which saves them.
 */
export function useBodyEditor(options: { api: Api; session: DraftSession; onMenu: (placement: MenuPlacement) => void; report: (message: string) => void }) {
  // `onMenu` and `report` are to be stable (state setters): a new one would rebuild the editor's options.
  const { api, session, onMenu, report } = options;
  const extensions = useMemo(
    () => [
      ...withOffscreenBlocks(documentExtensions()).map((extension) => (extension.name === 'uniqueID' ? idsWhereMissing(extension.configure({ ...extension.options, filterTransaction: notPasted })) : extension)),
      PastedBlockIds,
      GermanTypography,
      BlockCommands,
      CurrentBlock,
      CheckMarks,
      OffscreenBlocks,
    ],
    [],
  );
  // Stable options: TipTap re-applies changed options on every render, which would move the caret.
  const editorProps = useMemo<EditorProps>(
    () => ({
      attributes: {
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'article-body portal-article-body',
        lang: 'de',
        spellcheck: 'true',
      },
      handleKeyDown: (view, event) => {
        // "/" at the start of an empty paragraph opens the block menu at the cursor.
        if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
        const block = currentBlock(view.state);
        if (!block || block.node.type.name !== 'paragraph' || block.node.content.size > 0) return false;
        const coords = view.coordsAtPos(view.state.selection.from);
        onMenu({ at: 'cursor', top: coords.bottom + window.scrollY + 4, left: coords.left + window.scrollX });
        return true;
      },
      transformPastedHTML: (html) => cleanPastedHtml(html, report),
      clipboardTextParser: parsePlainText,
      handleDrop: (view, event, _slice, moved) => {
        const files = moved ? [] : [...(event.dataTransfer?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
        void dropFiles(api, session, files, report);
        return true;
      },
    }),
    [api, session, onMenu, report],
  );

  const editor = useEditor({
    extensions,
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps,
    onBeforeCreate: ({ editor: created }) => {
      keepNodeViews(created);
      // The content is set here, inside the editor's making, and not as an option React keeps:
      // the session lets the JSON go once the editor's document exists.
      created.options.content = session.contentForEditor();
    },
    onUpdate: () => session.changed(),
    onBlur: () => void session.autosaver.flush(),
  });

  useEffect(() => session.attach(editor), [session, editor]);
  return editor;
}
