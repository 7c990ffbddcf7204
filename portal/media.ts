import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { captionTypes, downloadTypes, imageTypes, videoTypes } from '../common/blocks/editor-fields.js';
import { formatFileSize } from '../common/media.js';
import type { PortalDatabase } from './database.js';
import { fail } from './failure.js';
import { sha256 } from './history.js';
import type { ProfileConfig } from './profile.js';

const mediaTypes = [...new Set<string>([...imageTypes, ...videoTypes, ...captionTypes, ...downloadTypes])];

/** Media files under their SHA-256: type by content, the profile's size limit per kind. */
export class MediaStore {
  constructor(
    private readonly db: PortalDatabase,
    readonly directory: string,
    private readonly limits: ProfileConfig['limits'],
    private readonly stamp: () => string,
  ) {
    mkdirSync(directory, { recursive: true });
  }

  /** Stores a media file under its hash (idempotent): hash, type by content and size limit checked. */
  async put(user: { name: string }, hash: string, data: Uint8Array): Promise<{ created: boolean; sha256: string; mimeType: string; size: number }> {
    if (sha256(data) !== hash) fail(422, 'invalid_content', 'mediaHashMismatch');
    const existing = this.db.prepare<[string], { mime_type: string; size: number }>('SELECT mime_type, size FROM media WHERE sha256 = ?').get(hash);
    if (existing && existsSync(this.path(hash))) return { created: false, sha256: hash, mimeType: existing.mime_type, size: existing.size };
    const type = (await fileTypeFromBuffer(data))?.mime ?? (looksLikeVtt(data) ? 'text/vtt' : 'unbekannt');
    if (!mediaTypes.includes(type)) fail(415, 'unsupported_media_type', 'mediaType', { type });
    const limits = this.limits;
    const limit = type.startsWith('image/') ? limits.image : type.startsWith('video/') ? limits.video : type === 'text/vtt' ? limits.captions : limits.document;
    if (data.byteLength > limit) fail(413, 'too_large', 'mediaTooLarge', { size: formatFileSize(data.byteLength), limit: formatFileSize(limit) });
    const path = this.path(hash);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
    writeFileSync(temporary, data, { flush: true });
    renameSync(temporary, path);
    this.db.prepare('INSERT OR IGNORE INTO media (sha256, mime_type, size, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, type, data.byteLength, user.name, this.stamp());
    return { created: true, sha256: hash, mimeType: type, size: data.byteLength };
  }

  file(hash: string): { path: string; mimeType: string; size: number } | null {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const row = this.db.prepare<[string], { mime_type: string; size: number }>('SELECT mime_type, size FROM media WHERE sha256 = ?').get(hash);
    return row && existsSync(this.path(hash)) ? { path: this.path(hash), mimeType: row.mime_type, size: row.size } : null;
  }

  /** Whether a live (published, not withdrawn) release uses the file: only those are public. */
  isPublic(hash: string): boolean {
    return (
      this.db
        .prepare<[string], number>(
          `SELECT 1 FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.published_revision
           WHERE a.withdrawn_at IS NULL AND instr(r.content, ?) > 0 LIMIT 1`,
        )
        .pluck()
        .get(`"sha256":"${hash}"`) === 1
    );
  }

  private path(hash: string): string {
    return join(this.directory, hash);
  }
}

function looksLikeVtt(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 10)).toString('utf8').replace(/^\uFEFF/, '').startsWith('WEBVTT');
}
