import type { PortalMigration } from './index.js';

/**
 * Costs that must not grow with an article's revisions or with time: the authors of an article
 * as a table of their own (every answer names them; reading them from the revisions read every
 * revision's content), and the stored answers of writes found by age, so they can expire.
 */
export const scaling: PortalMigration = {
  version: 4,
  name: 'scaling',
  up(db) {
    db.exec(`
      CREATE TABLE article_authors (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        PRIMARY KEY (article_id, author)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO article_authors (article_id, author) SELECT DISTINCT article_id, author FROM revisions;
      CREATE INDEX idempotency_by_age ON idempotency (created_at);
    `);
  },
};
