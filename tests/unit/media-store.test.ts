import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageTypes, downloadTypes, captionTypes } from '../../common/blocks/editor-fields.js';
import { openDatabase, type SqliteDatabase } from '../../main/services/database.js';
import { MediaStore } from '../../main/services/media-store.js';
import { makeTempDirectory } from '../temp-directory.js';
import { bluePng, fakeJpeg, pdfBytes, vttBytes } from '../fixtures/media.js';

describe('MediaStore', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let db: SqliteDatabase;
  let store: MediaStore;
  beforeEach(() => {
    temp = makeTempDirectory();
    db = openDatabase(join(temp.path, 'db.sqlite'));
    store = new MediaStore(db, join(temp.path, 'media'));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('stores a file under its SHA-256 with the type taken from its content', async () => {
    const ref = await store.import('foto.jpg', bluePng, imageTypes);
    const sha256 = createHash('sha256').update(bluePng).digest('hex');
    expect(ref).toEqual({ sha256, mimeType: 'image/png', size: bluePng.length, name: 'foto.jpg' });
    const file = store.file(sha256)!;
    expect(readFileSync(file.path)).toEqual(bluePng);
    expect(file.mimeType).toBe('image/png');
  });

  it('keeps a file once however often it is added', async () => {
    const first = await store.import('a.png', bluePng, imageTypes);
    const second = await store.import('b.png', bluePng, imageTypes);
    expect(second).toEqual({ ...first, name: 'b.png' });
    expect(db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(1);
    expect(readdirSync(join(temp.path, 'media', first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('accepts PDFs as downloads and WebVTT as captions', async () => {
    expect((await store.import('haushalt.pdf', pdfBytes, downloadTypes)).mimeType).toBe('application/pdf');
    expect((await store.import('untertitel.vtt', vttBytes, captionTypes)).mimeType).toBe('text/vtt');
  });

  it('judges by content, not by name: text named .jpg is refused in German', async () => {
    await expect(store.import('bild.jpg', fakeJpeg, imageTypes)).rejects.toThrow('Die Datei „bild.jpg“ hat kein bekanntes Format und wurde nicht übernommen.');
  });

  it('refuses a real file of the wrong kind, naming both kinds', async () => {
    await expect(store.import('bericht.png', pdfBytes, imageTypes)).rejects.toThrow(/„bericht.png“ ist ein PDF-Dokument; hier passt nur: JPEG-Bild, PNG-Bild, WebP-Bild, GIF-Bild/);
  });

  it('refuses a file over the limit for its kind and an empty file, storing nothing', async () => {
    const huge = Buffer.concat([bluePng, Buffer.alloc(21 * 1024 * 1024)]);
    await expect(store.import('riesig.png', huge, imageTypes)).rejects.toThrow(/ist 21 MB groß; erlaubt sind höchstens 20 MB/);
    await expect(store.import('leer.png', Buffer.alloc(0), imageTypes)).rejects.toThrow('„leer.png“ ist leer');
    expect(db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
    expect(readdirSync(join(temp.path, 'media'))).toEqual([]);
  });

  it('answers only well-formed hashes it holds', async () => {
    expect(store.file('../../etc/passwd')).toBeNull();
    expect(store.file('f'.repeat(64))).toBeNull();
    const ref = await store.import('a.png', bluePng, imageTypes);
    expect(existsSync(store.file(ref.sha256)!.path)).toBe(true);
  });
});
