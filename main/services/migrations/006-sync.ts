import type { Migration } from './migration.js';

/**
 * The portal connection and the sync engine: settings (the portal address and user name, never
 * the password), a durable outbox of actions meant for the portal, and per release the portal
 * revision and status last seen.
 */
export const sync: Migration = {
  version: 6,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed'))
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (state, article_id, id);

      -- The portal's copy of releases others wrote (the review inbox), to read and review offline.
      CREATE TABLE portal_copies (
        article_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        status TEXT NOT NULL,
        content TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        authors TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      ) STRICT;

      -- The portal's version when a save found it changed by someone else: kept until the person decides.
      CREATE TABLE conflicts (
        article_id TEXT PRIMARY KEY,
        portal_revision INTEGER NOT NULL,
        portal_content TEXT NOT NULL,
        portal_updated_by TEXT NOT NULL,
        detected_at TEXT NOT NULL
      ) STRICT;

      -- Review comments, as last fetched from the portal (readable offline).
      CREATE TABLE portal_comments (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        block_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX portal_comments_by_article ON portal_comments (article_id, created_at);

      CREATE TABLE sync_state (
        article_id TEXT PRIMARY KEY,
        portal_revision INTEGER,
        portal_status TEXT,
        portal_url TEXT,
        published_revision INTEGER,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
