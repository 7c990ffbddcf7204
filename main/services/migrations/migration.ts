import type BetterSqlite3 from 'better-sqlite3';
import type { Migration as SchemaStep } from '../../../common/migrations.js';

/** One step of the app's schema (the runner is common/migrations.ts, shared with the portal). */
export type Migration = SchemaStep<BetterSqlite3.Database>;
