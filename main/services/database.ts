import Database from 'better-sqlite3';
import { Failure } from '../../common/result.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (or creates) the local database and brings its schema up to date.
 * A database written by a newer version, or a file that is not a database, is refused
 * before anything is written to it.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations, options: { migrate?: boolean } = {}): SqliteDatabase {
  const db = new Database(file);
  try {
    const found = readUserVersion(db, file);
    const known = latestVersion(migrations);
    if (found > known) {
      throw new Failure('conflict', 'error.databaseFromFuture', { file, found, known });
    }
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives a crash of the app (the 2-second guarantee of autosave);
    // what must survive a power cut as well is written through `durably`.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.migrate !== false) migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `write` in a transaction whose commit is synced to disk before it returns
 * (`synchronous = FULL`), so it survives a power cut: named versions, restores, approvals,
 * the outbox. The sync also covers every lighter commit before it in the write-ahead log.
 */
export function durably<T>(db: SqliteDatabase, write: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(write)();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}

/** Applies every pending migration in one transaction; versions only go up. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  assertConsecutive(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latestVersion(migrations)}`);
  })();
}

function readUserVersion(db: SqliteDatabase, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new Failure('internal', 'error.databaseUnreadable', { file }, [String(error)]);
  }
}

/** Whether `migrate` would change anything. */
export function hasPendingMigrations(db: SqliteDatabase, migrations: readonly Migration[] = allMigrations): boolean {
  return (db.pragma('user_version', { simple: true }) as number) < latestVersion(migrations);
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function assertConsecutive(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
