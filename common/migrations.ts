/**
 * The one migration runner of the app's and the portal's SQLite databases: numbered steps,
 * applied in one transaction under `PRAGMA user_version`; versions only go up. Pure: it works on
 * the part of a connection it needs (better-sqlite3's `Database` has it).
 */

export interface MigratableDatabase {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction(run: () => void): () => void;
}

/** One step of a schema; `version` is the `user_version` the database has after it. */
export interface Migration<Db extends MigratableDatabase = MigratableDatabase> {
  version: number;
  name: string;
  up(db: Db): void;
}

/** The schema version a database was written with (0 for a new one). */
export function schemaVersion(db: MigratableDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The version the last migration leads to: the schema this build writes. */
export function latestVersion(migrations: readonly Migration<never>[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Whether `migrate` would change anything. */
export function hasPendingMigrations<Db extends MigratableDatabase>(db: Db, migrations: readonly Migration<Db>[]): boolean {
  return schemaVersion(db) < latestVersion(migrations);
}

/** Applies every pending migration in one transaction. */
export function migrate<Db extends MigratableDatabase>(db: Db, migrations: readonly Migration<Db>[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
  });
  const pending = migrations.filter((migration) => migration.version > schemaVersion(db));
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latestVersion(migrations)}`);
  })();
}
