import type { PortalMigration } from './index.js';

/**
 * The publish queue: the destinations a portal delivers to besides its own website (with their
 * secrets, never answered), and one delivery job per destination for every publish, correction
 * and withdrawal, written in the same transaction as the transition.
 */
export const deliveries: PortalMigration = {
  version: 3,
  name: 'deliveries',
  up(db) {
    db.exec(`
      CREATE TABLE destinations (
        name TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        url TEXT NOT NULL,
        user_name TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE deliveries (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id),
        destination TEXT NOT NULL,
        revision INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('publish', 'correct', 'withdraw')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'superseded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        url TEXT,
        next_attempt_at TEXT NOT NULL,
        pending_since TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      ) STRICT;
      CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
      CREATE INDEX deliveries_by_article ON deliveries (article_id, destination, seq);
    `);
  },
};
