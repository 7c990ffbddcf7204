import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { imageTypes, downloadTypes } from '../../common/blocks/editor-fields.js';
import type { MediaRef } from '../../common/media.js';
import { MEDIA_GRACE_MS, openAppServices, type AppServices } from '../../main/services/app-services.js';
import { BACKUPS_KEPT } from '../../main/services/backups.js';
import { bluePng, orangePng, pdfBytes } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

function withTeaser(media: MediaRef | null): Article {
  const base = emptyArticle();
  return { ...base, meta: { ...base.meta, title: 'Mit Bild', teaserImage: media && { media, alt: 'Bild des Tages', decorative: false, caption: '', credit: '' } } };
}

describe('unreferenced media', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let clock: number;
  const day = 24 * 60 * 60 * 1000;

  beforeEach(async () => {
    temp = makeTempDirectory();
    clock = Date.parse('2026-11-29T08:00:00.000Z');
    services = await openAppServices(temp.path, { now: () => new Date((clock += 1)), dailyBackups: false });
  });
  afterEach(async () => {
    await services.close();
    temp.remove();
  });

  it('are removed after the grace period; media a release or a revision uses stay', async () => {
    const used = await services.media.import('a.png', bluePng, imageTypes);
    const inRevisionOnly = await services.media.import('b.png', orangePng, imageTypes);
    const orphan = await services.media.import('c.pdf', pdfBytes, downloadTypes);
    const draft = services.drafts.create(withTeaser(inRevisionOnly));
    services.history.checkpoint(draft.id, 'pause');
    services.drafts.save(draft.id, draft.version, withTeaser(used));

    expect(services.collectMediaGarbage()).toEqual({ marked: 1, removed: 0 });
    expect(services.media.file(orphan.sha256)).not.toBeNull();
    clock += MEDIA_GRACE_MS - day;
    expect(services.collectMediaGarbage()).toEqual({ marked: 0, removed: 0 });
    clock += 2 * day;
    expect(services.collectMediaGarbage()).toEqual({ marked: 0, removed: 1 });
    expect(services.media.file(orphan.sha256)).toBeNull();
    expect(services.media.file(used.sha256)).not.toBeNull();
    expect(services.media.file(inRevisionOnly.sha256)).not.toBeNull();
  });

  it('lose their mark when used again', async () => {
    const media = await services.media.import('a.png', bluePng, imageTypes);
    expect(services.collectMediaGarbage().marked).toBe(1);
    services.drafts.create(withTeaser(media));
    clock += MEDIA_GRACE_MS + day;
    expect(services.collectMediaGarbage()).toEqual({ marked: 0, removed: 0 });
    expect(services.media.file(media.sha256)).not.toBeNull();
  });

  it('stay while a kept backup may still refer to them', async () => {
    const media = await services.media.import('a.png', bluePng, imageTypes);
    const draft = services.drafts.create(withTeaser(media));
    await services.backupNow();
    // The release is removed for good: only the backup still knows the image.
    services.drafts.delete(draft.id);
    services.drafts.purge(draft.id);
    clock += day;
    expect(services.collectMediaGarbage().marked).toBe(1);
    clock += MEDIA_GRACE_MS + day;
    expect(services.collectMediaGarbage().removed).toBe(0);
    // Once every kept backup is younger than the mark, the file goes. (The backups hold another
    // release: the last backup with releases in it is kept however many empty ones follow.)
    services.drafts.create(emptyArticle());
    for (let index = 0; index < BACKUPS_KEPT; index++) await services.backupNow();
    expect(services.collectMediaGarbage().removed).toBe(1);
    expect(services.media.file(media.sha256)).toBeNull();
  });
});
