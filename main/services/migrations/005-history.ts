import type { Migration } from './migration.js';

/**
 * Revisions: immutable snapshots of a release with a content hash, named by labels
 * ("Version speichern") kept beside them, so a revision itself never changes.
 * Media learn when they were last found unreferenced, for the grace period before removal.
 */
export const history: Migration = {
  version: 5,
  name: 'history',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        article_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        content TEXT NOT NULL,
        restored_from INTEGER
      ) STRICT;
      CREATE INDEX revisions_by_article ON revisions (article_id, id);
      CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
      CREATE TRIGGER revisions_go_only_with_their_article BEFORE DELETE ON revisions
        WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id)
        BEGIN SELECT RAISE(ABORT, 'revisions are removed only with their article'); END;

      CREATE TABLE revision_labels (
        id INTEGER PRIMARY KEY,
        revision_id INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revision_labels_by_revision ON revision_labels (revision_id);
      CREATE TRIGGER revision_labels_are_immutable BEFORE UPDATE ON revision_labels
        BEGIN SELECT RAISE(ABORT, 'labels are immutable'); END;

      ALTER TABLE media ADD COLUMN unreferenced_since TEXT;
    `);
  },
};
