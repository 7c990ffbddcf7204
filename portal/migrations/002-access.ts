import type { PortalMigration } from './index.js';

/**
 * Who may reach what, and for how long: users belong to ministries (in order, the first is
 * where a release without a ministry goes), an article belongs to one ministry (NULL: admins
 * only, until its text names a known one), sessions end after inactivity, and failed sign-ins
 * are counted per user name and client address, and per address, so they survive a restart.
 */
export const access: PortalMigration = {
  version: 2,
  name: 'access',
  up(db) {
    db.exec(`
      CREATE TABLE user_ministries (
        user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        ministry TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (user_name, ministry)
      ) STRICT;

      ALTER TABLE articles ADD COLUMN ministry TEXT;
      CREATE INDEX articles_by_ministry ON articles (ministry, updated_at);

      ALTER TABLE sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
      UPDATE sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');

      CREATE TABLE login_failures (
        user_name TEXT NOT NULL,
        client TEXT NOT NULL,
        failures INTEGER NOT NULL,
        last_failure_at TEXT,
        last_success_at TEXT,
        PRIMARY KEY (user_name, client)
      ) STRICT;

      CREATE TABLE login_client_failures (
        client TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
