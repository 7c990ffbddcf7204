import type { PortalMigration } from './index.js';

/** The portal's first schema: users and sessions, articles with immutable revisions, media, idempotency, comments, a hash-chained history. */
export const portal: PortalMigration = {
  version: 1,
  name: 'portal',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('author', 'approver', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        status TEXT NOT NULL,
        slug TEXT UNIQUE,
        approved_revision INTEGER,
        approved_by TEXT,
        published_revision INTEGER,
        scheduled_at TEXT,
        published_at TEXT,
        corrected_at TEXT,
        withdrawn_at TEXT,
        created_by TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_by_status ON articles (status, updated_at);
      CREATE INDEX articles_published ON articles (published_at) WHERE published_revision IS NOT NULL;

      CREATE TABLE revisions (
        article_id TEXT NOT NULL REFERENCES articles (id),
        number INTEGER NOT NULL,
        content TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, number)
      ) STRICT;
      CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
      CREATE TRIGGER revisions_are_kept BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are kept'); END;

      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE idempotency (
        user_name TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user_name, key)
      ) STRICT;

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id),
        block_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX comments_by_article ON comments (article_id, created_at);

      CREATE TABLE history (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        revision INTEGER NOT NULL,
        reason TEXT,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX history_by_article ON history (article_id, seq);
      CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
      CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
    `);
  },
};
