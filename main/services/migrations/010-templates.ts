import type { Migration } from './migration.js';

/** The person's own templates ("Als Vorlage speichern"); the portal's come with its profile. */
export const templates: Migration = {
  version: 10,
  name: 'templates',
  up(db) {
    db.exec(`CREATE TABLE templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      content TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;`);
  },
};
