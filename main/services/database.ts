import Database from 'better-sqlite3';
import { Failure } from '../../common/result.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (or creates) the local database and brings its schema up to date.
 * A database written by a newer version, or a file that is not a database, is refused
 * before anything is written to it.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations): SqliteDatabase {
  const db = new Database(file);
  try {
    const found = readUserVersion(db, file);
    const known = latestVersion(migrations);
    if (found > known) {
      throw new Failure('conflict', 'error.databaseFromFuture', { file, found, known });
    }
    db.pragma('journal_mode = WAL');
    // FULL: a commit that returned survives a power cut, not only a crash of the app.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
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
