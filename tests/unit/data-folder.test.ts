import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../main/services/app-services.js';
import { bluePng } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  beforeEach(() => {
    temp = makeTempDirectory();
  });
  afterEach(() => temp.remove());

  it('is created for the user alone, with the database, its journal, media and backups', async () => {
    const folder = join(temp.path, 'neu', 'Pressestelle');
    const services = await openAppServices(folder, { dailyBackups: false });
    try {
      services.drafts.create();
      await services.media.import('foto.png', new Uint8Array(bluePng), ['image/png']);
      await services.backupNow();
      expect(modeOf(folder)).toBe(0o700);
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        const expected = statSync(path).isDirectory() ? 0o700 : 0o600;
        expect([name, modeOf(path) & ~expected & 0o777]).toEqual([name, 0]);
      }
      const media = join(folder, 'media');
      for (const shard of readdirSync(media)) {
        expect(modeOf(join(media, shard))).toBe(0o700);
        for (const file of readdirSync(join(media, shard))) expect(modeOf(join(media, shard, file))).toBe(0o600);
      }
    } finally {
      await services.close();
    }
  });

  it('takes group and world access away from a folder an earlier version left open', async () => {
    const folder = join(temp.path, 'alt');
    mkdirSync(folder);
    chmodSync(folder, 0o755);
    const services = await openAppServices(folder, { dailyBackups: false });
    await services.close();
    expect(modeOf(folder)).toBe(0o700);
  });
});
