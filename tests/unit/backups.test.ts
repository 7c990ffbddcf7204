import { spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, closeSync, writeSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import type { AppEvent } from '../../common/contract.js';
import { AppServices, openAppServices } from '../../main/services/app-services.js';
import { Backups, BACKUPS_KEPT, isIntact } from '../../main/services/backups.js';
import { migrate, openDatabase } from '../../main/services/database.js';
import { migrations } from '../../main/services/migrations/index.js';
import { makeTempDirectory } from '../temp-directory.js';

function release(title: string, words = 200): Article {
  const base = emptyArticle();
  const text = Array.from({ length: words }, (_, index) => `Wort${index}`).join(' ');
  return { ...base, meta: { ...base.meta, title }, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

const titles = (services: AppServices) => services.drafts.list('active').map((draft) => draft.title).sort();

describe('backups and recovery', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let clock: number;
  const now = () => new Date((clock += 60_000));
  const open = () => openAppServices(temp.path, { now, dailyBackups: false });
  const databaseFile = () => join(temp.path, 'pressestelle.sqlite');

  beforeEach(() => {
    temp = makeTempDirectory();
    clock = Date.parse('2026-11-29T08:00:00.000Z');
  });
  afterEach(() => temp.remove());

  it('writes a complete, self-contained backup while the database is in use, and keeps the last seven', async () => {
    const services = await open();
    services.drafts.create(release('Haushalt 2027'));
    const first = await services.backupNow();
    expect(first).toMatchObject({ reason: 'manual', releases: 1 });
    const file = join(services.backups.directory, first.name);
    expect(isIntact(file)).toBe(true);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    for (let index = 0; index < BACKUPS_KEPT + 2; index++) await services.backupNow();
    const kept = services.backups.list();
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept.map((backup) => backup.name)).not.toContain(first.name);
    expect(kept[0]!.createdAt > kept[1]!.createdAt).toBe(true);
    await services.close();
  });

  it('a daily backup is due when the newest is a day old', async () => {
    const backups = new Backups(join(temp.path, 'backups'), now);
    expect(backups.dailyDue()).toBe(true);
    const db = openDatabase(databaseFile());
    await backups.create(db, 'daily');
    expect(backups.dailyDue()).toBe(false);
    clock += 24 * 60 * 60 * 1000;
    expect(backups.dailyDue()).toBe(true);
    db.close();
  });

  it('backs the database up before migrating it', async () => {
    const old = new Database(databaseFile());
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, 4));
    old.prepare(
      `INSERT INTO articles (id, version, title, lead, content, created_at, updated_at, deleted_at)
       VALUES ('0b0c2f8e-6d5e-4c1b-9a53-1c2f3e4d5a6b', 1, 'Alt', '', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL)`,
    ).run(JSON.stringify(release('Alt')));
    old.close();

    const services = await open();
    const [backup] = services.backups.list();
    expect(backup).toMatchObject({ reason: 'migration', releases: 1 });
    const copy = new Database(join(services.backups.directory, backup!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(4);
    copy.close();
    expect(titles(services)).toEqual(['Alt']);
    await services.close();
  });

  async function damagedSetup(damage: (file: string) => void): Promise<{ events: string[] }> {
    const services = await open();
    for (let index = 0; index < 40; index++) services.drafts.create(release(`Gesichert ${index}`, 400));
    await services.backupNow();
    services.drafts.create(release('Nach der Sicherung'));
    await services.close();
    damage(databaseFile());
    return { events: [] };
  }

  async function expectRecovered(services: AppServices): Promise<void> {
    const [notice] = services.pendingNotices();
    expect(notice!.message).toMatch(/Die Datenbank war beschädigt und wurde aus der Sicherung vom .* wiederhergestellt \(40 Pressemitteilungen\)/);
    const damagedFolder = join(temp.path, 'beschaedigt');
    const [moved] = readdirSync(damagedFolder).filter((name) => name.endsWith('.sqlite'));
    expect(notice!.message).toContain(join(damagedFolder, moved!));
    expect(titles(services)).toHaveLength(40);
    expect(titles(services)).not.toContain('Nach der Sicherung');
    expect(services.database.pragma('integrity_check', { simple: true })).toBe('ok');
    services.dismissNotice(notice!.id);
    expect(services.pendingNotices()).toEqual([]);
  }

  it('detects a truncated database at start, moves it aside and restores the newest backup, saying so in German', async () => {
    let sizeBefore = 0;
    await damagedSetup((file) => {
      sizeBefore = statSync(file).size;
      truncateSync(file, Math.floor(sizeBefore / 2 / 4096) * 4096 + 1000);
    });
    const services = await open();
    await expectRecovered(services);
    const [moved] = readdirSync(join(temp.path, 'beschaedigt')).filter((name) => name.endsWith('.sqlite'));
    expect(statSync(join(temp.path, 'beschaedigt', moved!)).size).toBeLessThan(sizeBefore);
    await services.close();
  });

  it('detects a database overwritten in the middle and recovers it the same way', async () => {
    await damagedSetup((file) => {
      const size = statSync(file).size;
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, Math.floor(size / 2 / 4096) * 4096);
      closeSync(fd);
    });
    const services = await open();
    await expectRecovered(services);
    await services.close();
  });

  it('without a backup, starts empty but never silently: the damaged file is kept and named', async () => {
    const services = await open();
    services.drafts.create(release('Verloren?'));
    await services.close();
    const garbage = Buffer.from('Das ist keine Datenbank. '.repeat(400));
    const fd = openSync(databaseFile(), 'w');
    writeSync(fd, garbage);
    closeSync(fd);

    const reopened = await open();
    const [notice] = reopened.pendingNotices();
    expect(notice!.message).toContain('es gab keine brauchbare Sicherung');
    const kept = readdirSync(join(temp.path, 'beschaedigt')).find((name) => name.endsWith('.sqlite'))!;
    expect(readFileSync(join(temp.path, 'beschaedigt', kept))).toEqual(garbage);
    expect(titles(reopened)).toEqual([]);
    await reopened.close();
  });

  for (const [what, damage] of [
    ['an empty (0-byte)', (file: string) => truncateSync(file, 0)],
    ['a missing', (file: string) => rmSync(file)],
  ] as const) {
    it(`${what} database with backups beside it is damage: the newest good backup comes back, and the app says so`, async () => {
      await damagedSetup((file) => {
        for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
        damage(file);
      });
      const services = await open();
      const [notice] = services.pendingNotices();
      expect(notice!.message).toMatch(/Die Datenbank fehlte oder war leer, obwohl Sicherungen vorhanden sind\. Sie wurde aus der Sicherung vom .* wiederhergestellt \(40 Pressemitteilungen\)/);
      expect(titles(services)).toHaveLength(40);
      await services.close();
    });
  }

  it('recovers from the newest backup that holds releases, not from a newer backup of an emptied database', async () => {
    await damagedSetup(() => undefined);
    // Days of backups of an emptied database (as a start on an empty file used to make).
    rmSync(databaseFile());
    for (const suffix of ['-wal', '-shm']) rmSync(databaseFile() + suffix, { force: true });
    const backups = new Backups(join(temp.path, 'backups'), now);
    const empty = openDatabase(join(temp.path, 'leer.sqlite'));
    for (let day = 0; day < BACKUPS_KEPT + 3; day++) await backups.create(empty, 'daily');
    empty.close();
    // Rotation kept the last backup with releases in it.
    const kept = backups.list();
    expect(kept.filter((backup) => backup.releases === 0)).toHaveLength(BACKUPS_KEPT);
    expect(kept.filter((backup) => backup.releases === 40)).toHaveLength(1);

    const services = await open();
    expect(services.pendingNotices()[0]!.message).toContain('(40 Pressemitteilungen)');
    expect(titles(services)).toHaveLength(40);
    await services.close();
  });

  it('a new data folder without backups starts empty and says nothing', async () => {
    const services = await open();
    expect(services.pendingNotices()).toEqual([]);
    await services.close();
  });

  it('"Sicherung wiederherstellen" backs up the current state first, then brings the chosen backup back', async () => {
    const services = await open();
    const events: AppEvent[] = [];
    services.events.on((event) => events.push(event));
    services.drafts.create(release('Vorher da'));
    const backup = await services.backupNow();
    services.drafts.create(release('Danach geschrieben'));

    const { restored, safety } = await services.restoreBackup(backup.name);
    expect(restored.name).toBe(backup.name);
    expect(safety).toMatchObject({ reason: 'before-restore', releases: 2 });
    expect(titles(services)).toEqual(['Vorher da']);
    expect(events).toContainEqual({ name: 'app.restored', payload: { name: backup.name } });

    // The state before the restore can be brought back the same way.
    await services.restoreBackup(safety.name);
    expect(titles(services)).toEqual(['Danach geschrieben', 'Vorher da']);
    await expect(services.restoreBackup('pressestelle-2020-01-01T00-00-00-000Z-daily.sqlite')).rejects.toThrow('Diese Sicherung gibt es nicht mehr.');
    await expect(services.restoreBackup('../pressestelle.sqlite')).rejects.toThrow('Diese Sicherung gibt es nicht mehr.');
    await services.close();
  });

  it('a crash during a backup leaves the database and the older backups intact', async () => {
    const child = fileURLToPath(new URL('../fixtures/backup-child.mjs', import.meta.url));
    if (!existsSync(fileURLToPath(new URL('../../out/main/services/backups.js', import.meta.url)))) {
      throw new Error('This test runs the built back end: run `npm run build` first (npm test does).');
    }
    const services = await open();
    for (let index = 0; index < 60; index++) services.drafts.create(release(`Mitteilung ${index}`, 400));
    const older = await services.backupNow();
    await services.close();

    const worker = spawn(process.execPath, [child, databaseFile(), join(temp.path, 'backups')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('backing-up')) resolve();
        if (chunk.toString().includes('done')) reject(new Error('the backup finished before it could be interrupted'));
      });
      worker.on('exit', () => reject(new Error('the backup process ended early')));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));

    const leftovers = readdirSync(join(temp.path, 'backups'));
    expect(leftovers.some((name) => name.endsWith('.partial'))).toBe(true);
    expect(isIntact(databaseFile())).toBe(true);
    expect(isIntact(join(temp.path, 'backups', older.name))).toBe(true);

    const reopened = await open();
    expect(reopened.pendingNotices()).toEqual([]);
    expect(reopened.backups.list().map((backup) => backup.name)).toEqual([older.name]);
    expect(readdirSync(join(temp.path, 'backups')).some((name) => name.endsWith('.partial'))).toBe(false);
    expect(titles(reopened)).toHaveLength(60);
    await reopened.close();
  });
});
