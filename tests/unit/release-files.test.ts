import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { imageTypes, downloadTypes } from '../../common/blocks/editor-fields.js';
import type { MediaRef } from '../../common/media.js';
import { RELEASE_FILE_LIMIT, releaseFileName, type ReleaseFile } from '../../common/release-file.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { bluePng, fakeJpeg, pdfBytes } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

function releaseWith(image: MediaRef, download: MediaRef): Article {
  const base = emptyArticle();
  return {
    ...base,
    meta: { ...base.meta, title: 'Güldener Stern öffnet', teaserImage: { media: image, alt: 'Das Gewölbe', decorative: false, caption: '', credit: 'Land' } },
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Das Museum öffnet wieder.' }] },
        { type: 'linkList', attrs: { id: 'l1', header: 'Downloads', links: [{ title: 'Programm', href: '', download }] } },
      ],
    },
  };
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('one release as a file', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let article: Article;
  let file: ReleaseFile;

  beforeEach(async () => {
    temp = makeTempDirectory();
    services = await openAppServices(temp.path, { dailyBackups: false });
    const image = await services.media.import('gewoelbe.png', bluePng, imageTypes);
    const download = await services.media.import('programm.pdf', pdfBytes, downloadTypes);
    article = releaseWith(image, download);
    const draft = services.drafts.create(article);
    const exported = services.releaseFiles.export(draft.id);
    expect(exported.fileName).toBe('Gueldener-Stern-oeffnet.pressemitteilung.json');
    file = JSON.parse(exported.content) as ReleaseFile;
  });
  afterEach(async () => {
    await services.close();
    temp.remove();
  });

  it('carries the article and every media file it uses, and comes back as a new release elsewhere', async () => {
    expect(file.media.map((media) => media.name).sort()).toEqual(['gewoelbe.png', 'programm.pdf']);
    const elsewhere = makeTempDirectory();
    const other = await openAppServices(elsewhere.path, { dailyBackups: false });
    try {
      const imported = await other.releaseFiles.import('stern.pressemitteilung.json', encode(file));
      // Stored complete: with the paragraph the editor keeps after the final link list.
      expect(imported.article).toEqual({ ...article, body: { ...article.body, content: [...article.body.content, { type: 'paragraph', attrs: { id: expect.any(String) } }] } });
      for (const media of file.media) expect(other.media.file(media.sha256)).not.toBeNull();
      expect(other.history.list(imported.id)[0]!.reason).toBe('import');
    } finally {
      await other.close();
      elsewhere.remove();
    }
  });

  async function expectRefused(data: Uint8Array, message: RegExp | string): Promise<void> {
    const before = services.drafts.list('active').length;
    const mediaBefore = readdirSync(join(temp.path, 'media'), { recursive: true }).length;
    await expect(services.releaseFiles.import('datei.json', data)).rejects.toThrow(message);
    expect(services.drafts.list('active')).toHaveLength(before);
    expect(readdirSync(join(temp.path, 'media'), { recursive: true })).toHaveLength(mediaBefore);
  }

  it('refuses what is not a release file, in German, and changes nothing', async () => {
    await expectRefused(new TextEncoder().encode('kein JSON'), 'Die Datei „datei.json“ ist keine von Pressestelle exportierte Pressemitteilung. Es wurde nichts importiert.');
    await expectRefused(new Uint8Array([0xff, 0xfe, 0x00]), /keine von Pressestelle exportierte/);
    await expectRefused(encode({ format: 'etwas/anderes', formatVersion: 1 }), /keine von Pressestelle exportierte/);
    await expectRefused(encode({ ...file, formatVersion: 2 }), /aus einer neueren Version von Pressestelle/);
  });

  it('refuses a damaged or hostile file and changes nothing', async () => {
    const unknownBlock = { ...file, article: { ...file.article, body: { type: 'doc', content: [{ type: 'iframe' }] } } };
    await expectRefused(encode(unknownBlock), /ist beschädigt oder unvollständig \(.*iframe/);
    // Media the file leaves out are fine where they are already stored, refused elsewhere.
    const elsewhere = makeTempDirectory();
    const other = await openAppServices(elsewhere.path, { dailyBackups: false });
    try {
      await expect(other.releaseFiles.import('datei.json', encode({ ...file, media: [] }))).rejects.toThrow(
        'Die Datei „datei.json“ ist unvollständig: Die Mediendatei „gewoelbe.png“ fehlt. Es wurde nichts importiert.',
      );
      expect(other.drafts.list('active')).toEqual([]);
    } finally {
      await other.close();
      elsewhere.remove();
    }

    // New media that do not match their hash, or only pretend to be an image.
    const otherBytes = Buffer.from(fakeJpeg);
    const sha256 = createHash('sha256').update(otherBytes).digest('hex');
    const pretending: ReleaseFile = {
      ...file,
      article: { ...file.article, meta: { ...file.article.meta, teaserImage: { ...file.article.meta.teaserImage!, media: { sha256, mimeType: 'image/jpeg', size: otherBytes.length, name: 'foto.jpg' } } } },
      media: [...file.media, { sha256, mimeType: 'image/jpeg', name: 'foto.jpg', data: otherBytes.toString('base64') }],
    };
    await expectRefused(encode(pretending), /„foto.jpg“/);
    const mismatched = { ...pretending, media: pretending.media.map((media) => (media.sha256 === sha256 ? { ...media, data: bluePng.toString('base64') } : media)) };
    await expectRefused(encode(mismatched), /stimmt nicht mit ihrer Prüfsumme überein/);
  });

  it('refuses a file over the limit before reading it', async () => {
    await expectRefused(new Uint8Array(RELEASE_FILE_LIMIT + 1), /ist zu groß .* höchstens 300 MB/);
  });

  it('names files after the title, readable on every system', () => {
    expect(releaseFileName('Straßensperrung: B 4 „Nord“ / Süd')).toBe('Strassensperrung-B-4-Nord-Sued.pressemitteilung.json');
    expect(releaseFileName('')).toBe('pressemitteilung.pressemitteilung.json');
  });
});
