import type BetterSqlite3 from 'better-sqlite3';

/** One step of the schema; `version` is the `user_version` the database has after it. */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
