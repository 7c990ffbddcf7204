import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Failure } from '../../common/result.js';
import type { BackupInfo, BackupReason } from '../../common/contract.js';
import { makePrivateFolder } from './data-directory.js';
import type { SqliteDatabase } from './database.js';

/** How many backups are kept; older ones are removed once a new one is complete. */
export const BACKUPS_KEPT = 7;
/** A daily backup is due when the newest is older than this. */
export const DAILY_MS = 24 * 60 * 60 * 1000;

const PARTIAL = '.partial';
const NAME = /^pressestelle-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|migration|manual|before-restore)\.sqlite$/;

/**
 * Online backups of the database with SQLite's backup API, one file each, in `directory`.
 * A backup is written under a temporary name and renamed only when complete and synced, so a
 * crash during a backup leaves the database and every older backup as they were.
 */
export class Backups {
  private running: Promise<BackupInfo> | null = null;

  constructor(
    readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    makePrivateFolder(directory);
    // What a crash during a backup left behind is incomplete by definition.
    for (const name of readdirSync(directory)) if (name.endsWith(PARTIAL) || /\.sqlite-(wal|shm)$/.test(name)) rmSync(join(directory, name), { force: true });
  }

  /** Every complete backup, newest first. */
  list(): BackupInfo[] {
    return readdirSync(this.directory)
      .map((name) => ({ name, match: NAME.exec(name) }))
      .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
      .map(({ name, match }) => ({
        name,
        createdAt: stampToIso(match[1]!),
        reason: match[2] as BackupReason,
        size: statSync(join(this.directory, name)).size,
        releases: countReleases(join(this.directory, name)),
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  /** The file of a listed backup; anything else is refused. */
  pathOf(name: string): string {
    if (!NAME.test(name) || !existsSync(join(this.directory, name))) throw new Failure('not_found', 'backups.notFound');
    return join(this.directory, name);
  }

  /** Whether a daily backup is due. */
  dailyDue(): boolean {
    const newest = this.list()[0];
    return !newest || this.now().getTime() - Date.parse(newest.createdAt) >= DAILY_MS;
  }

  /** Backs the open database up while it stays in use; one backup at a time. */
  create(db: SqliteDatabase, reason: BackupReason, options: { pagesPerStep?: number; onProgress?: () => void } = {}): Promise<BackupInfo> {
    if (this.running) throw new Failure('conflict', 'backups.busy');
    const run = this.write(db, reason, options).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** Waits for a running backup (before the database is closed). */
  async settle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** The newest backup that passes `quick_check`, or null. */
  newestIntact(): BackupInfo | null {
    return this.list().find((backup) => isIntact(join(this.directory, backup.name))) ?? null;
  }

  /**
   * The backup to recover from: the newest intact one that holds releases, else the newest
   * intact one. A backup of an emptied database is intact, but it is not what was lost.
   */
  newestGood(): BackupInfo | null {
    const intact = this.list().filter((backup) => isIntact(join(this.directory, backup.name)));
    return intact.find((backup) => backup.releases !== 0) ?? intact[0] ?? null;
  }

  private async write(db: SqliteDatabase, reason: BackupReason, options: { pagesPerStep?: number; onProgress?: () => void }): Promise<BackupInfo> {
    const createdAt = this.now();
    const name = `pressestelle-${isoToStamp(createdAt.toISOString())}-${reason}.sqlite`;
    const final = join(this.directory, name);
    const partial = final + PARTIAL;
    try {
      await db.backup(partial, {
        progress: ({ remainingPages }) => {
          options.onProgress?.();
          return remainingPages > 0 ? (options.pagesPerStep ?? 1000) : 0;
        },
      });
      // A backup is one self-contained file: out of WAL mode, synced, then given its name.
      const copy = new Database(partial);
      copy.pragma('journal_mode = DELETE');
      copy.close();
      syncFile(partial);
      renameSync(partial, final);
      syncFile(this.directory);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    this.prune();
    return { name, createdAt: createdAt.toISOString(), reason, size: statSync(final).size, releases: countReleases(final) };
  }

  /**
   * Keeps the newest BACKUPS_KEPT, and the last backup with releases in it if all of those
   * are of an empty database: days of backups of an emptied database never push it out.
   */
  private prune(): void {
    const backups = this.list();
    const kept = backups.slice(0, BACKUPS_KEPT);
    const lastWithReleases = kept.some((backup) => backup.releases !== 0) ? undefined : backups.find((backup) => backup.releases !== 0);
    for (const old of backups.slice(BACKUPS_KEPT)) if (old !== lastWithReleases) rmSync(join(this.directory, old.name), { force: true });
  }
}

/** Copies a backup to `target` (a temporary name next to the database) and checks it there. */
export function copyBackup(source: string, target: string): void {
  rmSync(target, { force: true });
  copyFileSync(source, target);
  syncFile(target);
  if (!isIntact(target)) {
    rmSync(target, { force: true });
    throw new Failure('internal', 'backups.damaged', { name: source });
  }
}

/** `PRAGMA quick_check` on a closed database file, read-only; false for anything unreadable. */
export function isIntact(file: string): boolean {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function countReleases(file: string): number | null {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare('SELECT COUNT(*) FROM articles WHERE deleted_at IS NULL').pluck().get() as number;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isoToStamp(iso: string): string {
  return iso.replace(/:/g, '-').replace('.', '-');
}

function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}
