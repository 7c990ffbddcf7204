import mammoth from 'mammoth';
import { articleSchema, emptyArticle, type Article } from '../../common/article.js';
import { imageTypes } from '../../common/blocks/editor-fields.js';
import { documentProblem } from '../../common/blocks/validate-document.js';
import type { Draft } from '../../common/contract.js';
import { formatFileSize, formatMegabytes, type MediaRef } from '../../common/media.js';
import { formatMessage } from '../../common/messages/index.js';
import { Failure } from '../../common/result.js';
import { WORD_IMPORT_LIMIT } from '../../common/word-import.js';
import { withoutXmlIllegalDeep } from '../../common/xml-text.js';
import type { DraftStore } from './draft-store.js';
import type { HistoryStore } from './history-store.js';
import type { MediaStore } from './media-store.js';
import { importStyleMap, mapWordHtml, NOTE_ID_PREFIX } from './word-import-map.js';
import { inspectWordPackage } from './word-package.js';

export interface WordImportStores {
  drafts: DraftStore;
  history: HistoryStore;
  media: MediaStore;
}

export interface WordImport {
  draft: Draft;
  /** What the person should know about the import (tracked changes, comments, images left out). */
  notices: string[];
}

/**
 * "Word-Datei importieren": a .docx becomes a new release. A file over 50 MB is refused before it
 * is read; an encrypted, damaged or non-Word file is refused with a message naming it. Nothing is
 * written before the whole document has been read and mapped: then its images go into the media
 * store (type by content, size limits), the release is created and its first revision written.
 */
export async function importWordFile(stores: WordImportStores, name: string, data: Uint8Array): Promise<WordImport> {
  const fileName = name.slice(0, 255);
  if (data.byteLength > WORD_IMPORT_LIMIT) {
    throw new Failure('too_large', 'word.tooLarge', { name: fileName, size: formatFileSize(data.byteLength), limit: formatMegabytes(WORD_IMPORT_LIMIT) });
  }
  const wordPackage = await inspectWordPackage(fileName, data);
  const notices: string[] = [];
  if (wordPackage.trackedChanges) notices.push(formatMessage('word.trackedChanges', { name: fileName }));
  if (wordPackage.comments) notices.push(formatMessage('word.commentsDropped', { name: fileName }));

  const found: Array<{ src: string; bytes: Buffer }> = [];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      {
        styleMap: importStyleMap,
        idPrefix: NOTE_ID_PREFIX,
        // A linked picture on someone's drive is not read from the disk.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const src = `word-image:${found.length}`;
          found.push({ src, bytes: await image.readAsBuffer() });
          return { src };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    console.error(`Reading the Word file ${fileName} failed:`, error);
    throw new Failure('invalid_input', 'word.damaged', { name: fileName });
  }

  const images = new Map<string, MediaRef | null>();
  for (const [index, image] of found.entries()) {
    try {
      images.set(image.src, await stores.media.check(formatMessage('word.imageName', { number: index + 1, name: fileName }), image.bytes, imageTypes));
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      images.set(image.src, null);
      notices.push(formatMessage('word.imageSkipped', { name: fileName, reason: error.message }));
    }
  }
  const { title, lead, body } = mapWordHtml(html, images);
  const article = toArticle(fileName, { ...emptyArticle(), meta: { ...emptyArticle().meta, title, lead }, body });

  for (const image of found) {
    const ref = images.get(image.src);
    if (ref) stores.media.store(ref, image.bytes);
  }
  const draft = stores.drafts.create(article);
  stores.history.checkpoint(draft.id, 'import');
  return { draft, notices };
}

/** The mapped document as the contract would take it from the editor: cleaned and valid. */
function toArticle(name: string, candidate: Article): Article {
  const parsed = articleSchema.safeParse(withoutXmlIllegalDeep(candidate));
  const problem = parsed.success ? documentProblem(parsed.data.body) : parsed.error.issues[0]!.message;
  if (!parsed.success || problem) throw new Failure('invalid_input', 'transfer.invalid', { name, reason: problem ?? '' });
  return parsed.data;
}
