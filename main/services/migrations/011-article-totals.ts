import type { Migration } from './migration.js';

/**
 * How many releases are in the list and in the trash, kept by triggers: the list's first page
 * answers its total without counting every release (a count over 100,000 took longer than the
 * page itself). Every write to `articles` keeps it, whoever makes it.
 */
export const articleTotals: Migration = {
  version: 11,
  name: 'article-totals',
  up(db) {
    db.exec(`
      CREATE TABLE article_totals (
        trashed INTEGER PRIMARY KEY CHECK (trashed IN (0, 1)),
        total INTEGER NOT NULL
      ) STRICT;
      INSERT INTO article_totals (trashed, total)
        SELECT 0, COUNT(*) FROM articles WHERE deleted_at IS NULL
        UNION ALL SELECT 1, COUNT(*) FROM articles WHERE deleted_at IS NOT NULL;
      CREATE TRIGGER article_totals_insert AFTER INSERT ON articles BEGIN
        UPDATE article_totals SET total = total + 1 WHERE trashed = (NEW.deleted_at IS NOT NULL);
      END;
      CREATE TRIGGER article_totals_delete AFTER DELETE ON articles BEGIN
        UPDATE article_totals SET total = total - 1 WHERE trashed = (OLD.deleted_at IS NOT NULL);
      END;
      CREATE TRIGGER article_totals_trash AFTER UPDATE OF deleted_at ON articles
        WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
        UPDATE article_totals SET total = total - 1 WHERE trashed = (OLD.deleted_at IS NOT NULL);
        UPDATE article_totals SET total = total + 1 WHERE trashed = (NEW.deleted_at IS NOT NULL);
      END;
    `);
  },
};
