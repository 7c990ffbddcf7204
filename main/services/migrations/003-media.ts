import type { Migration } from './migration.js';

/** Files in the content-addressed media store: one row per SHA-256, however often used. */
export const media: Migration = {
  version: 3,
  name: 'media',
  up(db) {
    db.exec(`
      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
