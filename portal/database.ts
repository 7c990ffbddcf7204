import Database from 'better-sqlite3';
import { latestVersion, migrate, schemaVersion } from '../common/migrations.js';
import { portalMigrations } from './migrations/index.js';

export type PortalDatabase = Database.Database;

/** Opens (or creates) the portal database: WAL, FULL sync (a portal write is an approval or a publication), migrated. */
export function openPortalDatabase(file: string): PortalDatabase {
  const db = new Database(file);
  try {
    const found = schemaVersion(db);
    const latest = latestVersion(portalMigrations);
    if (found > latest) throw new Error(`The portal database ${file} was written by a newer version (schema ${found}, this one knows ${latest}); it was not changed.`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, portalMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
