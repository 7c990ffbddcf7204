import { downloadTypes, imageTypes } from '../../../common/blocks/editor-fields.js';
import { emptyImage } from '../../../common/blocks/image.js';
import { attempt } from '../attempt.js';
import type { Api } from '../bridge.js';
import type { DraftSession } from '../draft-session.js';
import { insertBlockNode } from './block-commands.js';
import { importFile } from './MediaField.js';

/** Dropped files become blocks: images a "Text mit Bild", documents a download in a "Linkliste". */
export async function dropFiles(api: Api, session: DraftSession, files: File[], report: (message: string) => void): Promise<void> {
  for (const file of files) {
    // The release was closed meanwhile: the rest is not imported.
    if (!session.editor || session.editor.isDestroyed) return;
    const isImage = file.type.startsWith('image/');
    await attempt(async () => {
      const media = await importFile(api, file, isImage ? imageTypes : downloadTypes);
      const editor = session.editor;
      if (!editor || editor.isDestroyed) return;
      insertBlockNode(
        editor,
        isImage
          ? { type: 'textWithImage', attrs: { position: 'above', image: { ...emptyImage(), media } }, content: [{ type: 'paragraph' }] }
          : { type: 'linkList', attrs: { header: '', links: [{ title: file.name.replace(/\.[^.]+$/, ''), href: '', download: media }] } },
      );
    }, report);
  }
}
