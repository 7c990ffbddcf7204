import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { fileTypeName, formatFileSize, formatMegabytes, mediaSizeLimit, type MediaRef } from '../../common/media.js';
import { Failure } from '../../common/result.js';
import { makePrivateFolder, PRIVATE_FILE_MODE } from './data-directory.js';
import type { SqliteDatabase } from './database.js';

interface MediaRow {
  sha256: string;
  mime_type: string;
  size: number;
  name: string;
}

/**
 * The content-addressed media store: each file is kept once under its SHA-256, its type
 * taken from its content (never its name), its size checked against the limit for its kind.
 */
export class MediaStore {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    makePrivateFolder(directory);
    this.statements = {
      get: db.prepare<[string], MediaRow>('SELECT sha256, mime_type, size, name FROM media WHERE sha256 = ?'),
      insert: db.prepare('INSERT OR IGNORE INTO media (sha256, mime_type, size, name, created_at) VALUES (?, ?, ?, ?, ?)'),
      referenced: db.prepare('UPDATE media SET unreferenced_since = NULL WHERE sha256 = ?'),
    };
  }

  /** Takes a file in if its content is one of the accepted types and within the size limit. */
  async import(name: string, data: Uint8Array, accept: readonly string[]): Promise<MediaRef> {
    const ref = await this.check(name, data, accept);
    this.store(ref, data);
    return ref;
  }

  /** Checks a file as `import` does (type by content, size limit) without storing it. */
  async check(name: string, data: Uint8Array, accept: readonly string[]): Promise<MediaRef> {
    const displayName = name.slice(0, 255);
    if (data.byteLength === 0) throw new Failure('invalid_input', 'media.empty', { name: displayName });
    const detected = await fileTypeFromBuffer(data);
    if (!detected) throw new Failure('invalid_input', 'media.unknownType', { name: displayName });
    const mimeType = detected.mime;
    if (!accept.includes(mimeType)) {
      throw new Failure('invalid_input', 'media.wrongType', {
        name: displayName,
        actual: fileTypeName(mimeType),
        allowed: [...new Set(accept.map(fileTypeName))].join(', '),
      });
    }
    const limit = mediaSizeLimit(mimeType);
    if (data.byteLength > limit) {
      throw new Failure('too_large', 'media.tooLarge', {
        name: displayName,
        size: formatFileSize(data.byteLength),
        limit: formatMegabytes(limit),
      });
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    return { sha256, mimeType, size: data.byteLength, name: displayName };
  }

  /** Stores checked bytes under their hash, once; the name is the one given for this use. */
  store(ref: MediaRef, data: Uint8Array): void {
    const existing = this.statements.get.get(ref.sha256);
    if (!existing || !existsSync(this.pathOf(ref.sha256))) {
      this.writeAtomically(ref.sha256, data);
      this.statements.insert.run(ref.sha256, ref.mimeType, data.byteLength, ref.name, this.now().toISOString());
    }
    // Taken in again: it is referenced (or about to be) and no longer waits for removal.
    this.statements.referenced.run(ref.sha256);
  }

  /**
   * Removal of files nothing refers to any more: a file found unreferenced is marked, and
   * removed once it has been unreferenced since before `removeIfUnreferencedBefore`; a file
   * referenced again loses its mark. Returns how many were marked and removed.
   */
  sweep(referenced: ReadonlySet<string>, removeIfUnreferencedBefore: Date): { marked: number; removed: number } {
    const now = this.now().toISOString();
    const cutoff = removeIfUnreferencedBefore.toISOString();
    let marked = 0;
    let removed = 0;
    const rows = this.db.prepare<[], { sha256: string; unreferenced_since: string | null }>('SELECT sha256, unreferenced_since FROM media').all();
    const unmark = this.db.prepare('UPDATE media SET unreferenced_since = NULL WHERE sha256 = ?');
    const mark = this.db.prepare('UPDATE media SET unreferenced_since = ? WHERE sha256 = ?');
    const remove = this.db.prepare('DELETE FROM media WHERE sha256 = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        if (referenced.has(row.sha256)) {
          if (row.unreferenced_since !== null) unmark.run(row.sha256);
        } else if (row.unreferenced_since === null) {
          mark.run(now, row.sha256);
          marked++;
        } else if (row.unreferenced_since < cutoff) {
          remove.run(row.sha256);
          rmSync(this.pathOf(row.sha256), { force: true });
          removed++;
        }
      }
    })();
    return { marked, removed };
  }

  /** The stored file and its type, or null if there is none. */
  file(sha256: string): { path: string; mimeType: string; size: number } | null {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const row = this.statements.get.get(sha256);
    const path = this.pathOf(sha256);
    if (!row || !existsSync(path)) return null;
    return { path, mimeType: row.mime_type, size: row.size };
  }

  private pathOf(sha256: string): string {
    return join(this.directory, sha256.slice(0, 2), sha256);
  }

  /** Written to a temporary name, flushed, then renamed: a crash never leaves half a file under the hash. */
  private writeAtomically(sha256: string, data: Uint8Array): void {
    const target = this.pathOf(sha256);
    makePrivateFolder(join(this.directory, sha256.slice(0, 2)));
    const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
    const descriptor = openSync(temporary, 'w', PRIVATE_FILE_MODE);
    try {
      writeSync(descriptor, data);
      fsyncSync(descriptor);
    } catch (error) {
      closeSync(descriptor);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(descriptor);
    renameSync(temporary, target);
  }
}

