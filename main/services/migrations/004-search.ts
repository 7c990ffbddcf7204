import { articleSchema } from '../../../common/article.js';
import { foldGerman } from '../../../common/german-folding.js';
import { searchableText } from '../../../common/search-text.js';
import type { Migration } from './migration.js';

/**
 * Full-text search: the searchable text of each release, folded German-style and indexed in
 * trigrams, so prefixes and parts of compound words are found. Existing releases are indexed.
 */
export const search: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, text UNINDEXED, folded, tokenize = 'trigram');
      -- The version of the article that the search index holds; behind after a crash, caught up at start.
      ALTER TABLE articles ADD COLUMN indexed_version INTEGER;
      -- The article's row in article_search: deleting by rowid avoids scanning the whole index.
      ALTER TABLE articles ADD COLUMN search_rowid INTEGER;
    `);
    const insert = db.prepare('INSERT INTO article_search (article_id, text, folded) VALUES (?, ?, ?)');
    const mark = db.prepare('UPDATE articles SET indexed_version = version, search_rowid = ? WHERE id = ?');
    // One release at a time: the index is written while reading, and releases can be large.
    const content = db.prepare<[string], string>('SELECT content FROM articles WHERE id = ?').pluck();
    for (const id of db.prepare<[], string>('SELECT id FROM articles').pluck().all()) {
      let parsed;
      try {
        parsed = articleSchema.safeParse(JSON.parse(content.get(id) ?? ''));
      } catch {
        continue;
      }
      if (!parsed.success) continue;
      const text = searchableText(parsed.data);
      const { lastInsertRowid } = insert.run(id, text, foldGerman(text).folded);
      mark.run(lastInsertRowid, id);
    }
  },
};
