import { randomUUID } from 'node:crypto';
import { articleSchema, emptyArticle, type Article } from '../../common/article.js';
import type { Draft, DraftSummary, EventPayload, SaveResult, SearchHit } from '../../common/contract.js';
import { foldGerman, queryTerms, searchableText, snippet } from '../../common/search-text.js';
import { formatMessage } from '../../common/messages/index.js';
import { Failure } from '../../common/result.js';
import type { SqliteDatabase } from './database.js';
import { Emitter } from './disposable.js';

interface ArticleRow {
  id: string;
  version: number;
  title: string;
  lead: string;
  content: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type DraftChange = EventPayload<'drafts.changed'>;

export interface DraftStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

/** The press releases on this machine: create, save, list, trash, restore, remove for good. */
export class DraftStore {
  readonly changes = new Emitter<DraftChange>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    options: DraftStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.statements = {
      listActive: db.prepare<[number], ArticleRow>(
        'SELECT id, title, lead, created_at, updated_at, deleted_at FROM articles WHERE deleted_at IS NULL ORDER BY updated_at DESC, id LIMIT ?',
      ),
      listTrash: db.prepare<[number], ArticleRow>(
        'SELECT id, title, lead, created_at, updated_at, deleted_at FROM articles WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id LIMIT ?',
      ),
      countActive: db.prepare<[], number>('SELECT COUNT(*) FROM articles WHERE deleted_at IS NULL').pluck(),
      countTrash: db.prepare<[], number>('SELECT COUNT(*) FROM articles WHERE deleted_at IS NOT NULL').pluck(),
      get: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO articles (id, version, title, lead, content, created_at, updated_at, deleted_at)
         VALUES (@id, 1, @title, @lead, @content, @now, @now, NULL)`,
      ),
      update: db.prepare(
        `UPDATE articles SET version = version + 1, title = @title, lead = @lead, content = @content, updated_at = @now
         WHERE id = @id AND version = @baseVersion`,
      ),
      setDeleted: db.prepare('UPDATE articles SET deleted_at = @deletedAt WHERE id = @id'),
      remove: db.prepare('DELETE FROM articles WHERE id = ?'),
      logEvent: db.prepare('INSERT INTO events (at, kind, article_id, data) VALUES (?, ?, ?, ?)'),
      unindex: db.prepare('DELETE FROM article_search WHERE article_id = ?'),
      index: db.prepare('INSERT INTO article_search (article_id, text, folded) VALUES (?, ?, ?)'),
    };
  }

  /** The newest `limit` drafts of the list (or of the trash), and how many there are in all. */
  page(scope: 'active' | 'trash', limit: number): { items: DraftSummary[]; total: number } {
    const active = scope === 'active';
    const rows = (active ? this.statements.listActive : this.statements.listTrash).all(limit);
    return { items: rows.map(toSummary), total: (active ? this.statements.countActive : this.statements.countTrash).get()! };
  }

  list(scope: 'active' | 'trash'): DraftSummary[] {
    return this.page(scope, Number.MAX_SAFE_INTEGER).items;
  }

  get(id: string): Draft {
    return toDraft(this.requireRow(id));
  }

  create(article: Article = emptyArticle()): Draft {
    const id = this.newId();
    const now = this.now().toISOString();
    this.db.transaction(() => {
      this.statements.insert.run({ id, ...columnsOf(article), now });
      this.reindex(id, article);
      this.log(now, 'article.created', id);
    })();
    this.changes.emit({ id, kind: 'created' });
    return this.get(id);
  }

  /**
   * Stores the article if the draft is still at `baseVersion`. If it moved on (another
   * window saved first) or is gone, nothing is overwritten: the text becomes a new draft.
   */
  save(id: string, baseVersion: number, article: Article): SaveResult {
    const now = this.now().toISOString();
    const updated = this.db.transaction(() => {
      const { changes } = this.statements.update.run({ id, baseVersion, ...columnsOf(article), now });
      if (changes === 1) {
        this.reindex(id, article);
        this.log(now, 'article.saved', id, { version: baseVersion + 1 });
      }
      return changes === 1;
    })();
    if (updated) {
      this.changes.emit({ id, kind: 'saved' });
      return { status: 'saved', version: baseVersion + 1, updatedAt: now };
    }
    const suffix = formatMessage('editor.conflictSuffix');
    const title = article.meta.title.trim() === '' ? suffix : `${article.meta.title} ${suffix}`;
    const copy = this.create({ ...article, meta: { ...article.meta, title: title.slice(0, 300) } });
    this.log(now, 'article.conflict-copy', copy.id, { original: id, baseVersion });
    return { status: 'conflict', copy };
  }

  /** Moves a draft to the trash. */
  delete(id: string): DraftSummary {
    return this.setDeleted(id, this.now().toISOString(), 'deleted');
  }

  /** Takes a draft out of the trash. */
  restore(id: string): DraftSummary {
    return this.setDeleted(id, null, 'restored');
  }

  /** Removes a draft for good; only drafts already in the trash. */
  purge(id: string): { id: string } {
    const row = this.requireRow(id);
    if (row.deleted_at === null) throw new Failure('conflict', 'error.notInTrash');
    const now = this.now().toISOString();
    this.db.transaction(() => {
      this.statements.remove.run(id);
      this.statements.unindex.run(id);
      this.log(now, 'article.purged', id, { title: row.title });
    })();
    this.changes.emit({ id, kind: 'purged' });
    return { id };
  }

  private setDeleted(id: string, deletedAt: string | null, kind: 'deleted' | 'restored'): DraftSummary {
    this.requireRow(id);
    const now = this.now().toISOString();
    this.db.transaction(() => {
      this.statements.setDeleted.run({ id, deletedAt });
      this.log(now, `article.${kind}`, id);
    })();
    this.changes.emit({ id, kind });
    return toSummary(this.requireRow(id));
  }

  /**
   * Releases containing every word of the query (folded German-style; parts of words count),
   * best match first, each with the passage around the first match.
   */
  search(query: string, filter: { scope: 'active' | 'trash' | 'all'; from?: string | undefined; to?: string | undefined }): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    // The trigram index needs three characters; shorter words are checked in the text itself.
    const indexed = terms.filter((term) => [...term].length >= 3);
    const short = terms.filter((term) => [...term].length < 3);
    const where: string[] = [];
    const params: unknown[] = [];
    if (indexed.length > 0) {
      where.push('article_search MATCH ?');
      params.push(indexed.map((term) => `"${term}"`).join(' AND '));
    }
    for (const term of short) {
      where.push('instr(s.folded, ?) > 0');
      params.push(term);
    }
    if (filter.scope !== 'all') where.push(filter.scope === 'active' ? 'a.deleted_at IS NULL' : 'a.deleted_at IS NOT NULL');
    if (filter.from) {
      where.push('a.updated_at >= ?');
      params.push(`${filter.from}T00:00:00.000Z`);
    }
    if (filter.to) {
      where.push('a.updated_at <= ?');
      params.push(`${filter.to}T23:59:59.999Z`);
    }
    const rows = this.db
      .prepare<unknown[], ArticleRow & { text: string }>(
        `SELECT a.id, a.title, a.lead, a.created_at, a.updated_at, a.deleted_at, s.text
         FROM article_search s JOIN articles a ON a.id = s.article_id
         WHERE ${where.join(' AND ')}
         ORDER BY ${indexed.length > 0 ? 'rank, ' : ''}a.updated_at DESC
         LIMIT 50`,
      )
      .all(...params);
    return rows.map((row) => ({ draft: toSummary(row), snippet: snippet(row.text, terms) }));
  }

  private reindex(id: string, article: Article): void {
    const text = searchableText(article);
    this.statements.unindex.run(id);
    this.statements.index.run(id, text, foldGerman(text).folded);
  }

  private requireRow(id: string): ArticleRow {
    const row = this.statements.get.get(id);
    if (!row) throw new Failure('not_found', 'error.notFound');
    return row;
  }

  private log(at: string, kind: string, articleId: string, data: Record<string, unknown> = {}): void {
    this.statements.logEvent.run(at, kind, articleId, JSON.stringify(data));
  }
}

function columnsOf(article: Article) {
  return { title: article.meta.title, lead: article.meta.lead, content: JSON.stringify(article) };
}

function toSummary(row: Pick<ArticleRow, 'id' | 'title' | 'lead' | 'created_at' | 'updated_at' | 'deleted_at'>): DraftSummary {
  return {
    id: row.id,
    title: row.title,
    lead: row.lead,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function toDraft(row: ArticleRow): Draft {
  return { ...toSummary(row), version: row.version, article: articleSchema.parse(JSON.parse(row.content)) };
}
