import type { Migration } from './migration.js';

/** An append-only log of what happened to each article; existing articles get their "created" entry. */
export const eventLog: Migration = {
  version: 2,
  name: 'event log',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        article_id TEXT,
        data TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX events_by_article ON events (article_id, id);
      CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      INSERT INTO events (at, kind, article_id)
        SELECT created_at, 'article.created', id FROM articles ORDER BY created_at;
    `);
  },
};
