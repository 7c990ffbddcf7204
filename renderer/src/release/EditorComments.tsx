import type { Editor } from '@tiptap/react';
import { useCallback, useMemo } from 'react';
import { blockJson, topLevelBlocks } from '../../../common/document-json.js';
import { CommentMarkers, commentableBlocks, Comments, type CommentableBlock } from '../Comments.js';
import { useRelease } from './release-context.js';

/**
 * The blocks comments can point to, read from the editor's document once the release is on the
 * portal (not per block at every open); the screen reads them once for both the side panel and
 * the markers beside the text.
 */
export function useCommentableBlocks(editor: Editor | null, portalRevision: number | null): CommentableBlock[] {
  const onPortal = portalRevision !== null;
  return useMemo(() => (onPortal && editor ? commentableBlocks(topLevelBlocks(editor.state.doc).map(blockJson)) : []), [editor, onPortal]);
}

/** Review comments on the release in the side panel, once it is on the portal. */
export function EditorComments({ blocks, onShow }: { blocks: CommentableBlock[]; onShow: (blockId: string) => void }) {
  const { id, sync } = useRelease();
  if (!sync || sync.portalRevision === null) return null;
  return <Comments id={id} revision={sync.portalRevision} blocks={blocks} onShow={onShow} />;
}

/** The review comments beside their blocks in the editor, at the right edge of the text. */
export function EditorCommentMarkers({ blocks, editor, frame }: { blocks: CommentableBlock[]; editor: Editor; frame: HTMLElement | null }) {
  const { id, sync } = useRelease();
  const locate = useCallback(
    (blockId: string) => {
      let element: HTMLElement | null = null;
      editor.state.doc.forEach((node, offset) => {
        if (!element && node.attrs.id === blockId) element = editor.view.nodeDOM(offset) as HTMLElement | null;
      });
      return element;
    },
    [editor],
  );
  const watch = useCallback(
    (update: () => void) => {
      // Typing moves the blocks below; so does a block growing as it renders (content-visibility).
      editor.on('update', update);
      const observer = new ResizeObserver(update);
      observer.observe(editor.view.dom);
      return () => {
        editor.off('update', update);
        observer.disconnect();
      };
    },
    [editor],
  );
  if (!sync || sync.portalRevision === null) return null;
  return <CommentMarkers id={id} revision={sync.portalRevision} blocks={blocks} frame={frame} locate={locate} watch={watch} />;
}
