import Database from 'better-sqlite3';
import { hasPendingMigrations as pendingMigrations, latestVersion, migrate, schemaVersion } from '../../common/migrations.js';
import { Failure } from '../../common/result.js';
import { makePrivateFile } from './data-directory.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (or creates) the local database and brings its schema up to date.
 * A database written by a newer version, or a file that is not a database, is refused
 * before anything is written to it.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations, options: { migrate?: boolean } = {}): SqliteDatabase {
  // A new database is the user's alone, and so are its journal files, which SQLite creates alike.
  if (file !== ':memory:') makePrivateFile(file);
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

export { migrate } from '../../common/migrations.js';

/** Whether opening would change the schema of this database. */
export function hasPendingMigrations(db: SqliteDatabase, migrations: readonly Migration[] = allMigrations): boolean {
  return pendingMigrations(db, migrations);
}

function readUserVersion(db: SqliteDatabase, file: string): number {
  try {
    return schemaVersion(db);
  } catch (error) {
    throw new Failure('internal', 'error.databaseUnreadable', { file }, [String(error)]);
  }
}
