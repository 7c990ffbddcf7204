import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Article } from '../../common/article.js';
import { documentProblem } from '../../common/blocks/validate-document.js';
import type { Draft } from '../../common/contract.js';
import { collectMediaRefs, formatFileSize, formatMegabytes } from '../../common/media.js';
import {
  RELEASE_FILE_FORMAT,
  RELEASE_FILE_LIMIT,
  RELEASE_FILE_VERSION,
  releaseFileHeaderSchema,
  releaseFileName,
  releaseFileSchema,
  type ReleaseFile,
} from '../../common/release-file.js';
import { Failure } from '../../common/result.js';
import type { DraftStore } from './draft-store.js';
import type { HistoryStore } from './history-store.js';
import type { MediaStore } from './media-store.js';

/** Exports one release with its media as a single file, and imports such a file as a new release. */
export class ReleaseFiles {
  constructor(
    private readonly drafts: DraftStore,
    private readonly history: HistoryStore,
    private readonly media: MediaStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The release as a file: its name and its content (JSON text). */
  export(id: string): { fileName: string; content: string } {
    const { article } = this.drafts.get(id);
    const media = collectMediaRefs(article).flatMap((ref) => {
      const file = this.media.file(ref.sha256);
      // A file missing from the store (removed by hand) is left out; the import then names it.
      return file ? [{ sha256: ref.sha256, mimeType: file.mimeType, name: ref.name, data: readFileSync(file.path).toString('base64') }] : [];
    });
    const releaseFile: ReleaseFile = {
      format: RELEASE_FILE_FORMAT,
      formatVersion: RELEASE_FILE_VERSION,
      exportedAt: this.now().toISOString(),
      article,
      media,
    };
    return { fileName: releaseFileName(article.meta.title), content: JSON.stringify(releaseFile, null, 1) };
  }

  /**
   * A release file becomes a new release. Everything is checked before anything is written:
   * size, format and version, the article against the block catalog, every media file against
   * its hash, its type (by content) and its size limit, and that every file it uses is there.
   */
  async import(name: string, data: Uint8Array): Promise<Draft> {
    const fileName = name.slice(0, 255);
    if (data.byteLength > RELEASE_FILE_LIMIT) {
      throw new Failure('too_large', 'transfer.tooLarge', { name: fileName, size: formatFileSize(data.byteLength), limit: formatMegabytes(RELEASE_FILE_LIMIT) });
    }
    const releaseFile = parseReleaseFile(fileName, data);
    const files = releaseFile.media.map((entry) => {
      const bytes = Buffer.from(entry.data, 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new Failure('invalid_input', 'transfer.mediaMismatch', { name: fileName });
      return { ...entry, bytes };
    });
    const present = new Set(files.map((file) => file.sha256));
    for (const ref of collectMediaRefs(releaseFile.article)) {
      if (!present.has(ref.sha256) && !this.media.file(ref.sha256)) throw new Failure('invalid_input', 'transfer.mediaMissing', { name: fileName, media: ref.name });
    }
    // Type by content and size limits, as for any file taken in; a refused one names itself.
    const checked = await Promise.all(files.map((file) => this.media.check(file.name, file.bytes, [file.mimeType])));
    for (const [index, file] of files.entries()) this.media.store(checked[index]!, file.bytes);
    const draft = this.drafts.create(releaseFile.article);
    this.history.checkpoint(draft.id, 'import');
    return draft;
  }
}

function parseReleaseFile(name: string, data: Uint8Array): ReleaseFile & { article: Article } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    throw new Failure('invalid_input', 'transfer.notAnExport', { name });
  }
  const header = releaseFileHeaderSchema.safeParse(json);
  if (!header.success) throw new Failure('invalid_input', 'transfer.notAnExport', { name });
  if (header.data.formatVersion > RELEASE_FILE_VERSION) throw new Failure('invalid_input', 'transfer.newerFormat', { name });
  const parsed = releaseFileSchema.safeParse(json);
  if (!parsed.success) throw new Failure('invalid_input', 'transfer.invalid', { name, reason: describe(parsed.error) });
  const problem = documentProblem(parsed.data.article.body);
  if (problem) throw new Failure('invalid_input', 'transfer.invalid', { name, reason: problem });
  return parsed.data;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
