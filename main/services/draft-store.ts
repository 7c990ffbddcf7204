import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { articleSchema, emptyArticle, type Article } from '../../common/article.js';
import { completeArticle } from '../../common/blocks/block-ids.js';
import type { Draft, DraftSummary, EventPayload, SaveResult, SearchHit } from '../../common/contract.js';
import { foldGerman } from '../../common/german-folding.js';
import { queryTerms, searchableText, snippet } from '../../common/search-text.js';
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

/** How long after a save the search index catches up (a search catches it up at once). */
const INDEX_DELAY_MS = 1_500;
/** Releases indexed per turn of the event loop when catching up. */
const INDEX_BATCH = 200;
/** After a failed catch-up (a full disk), the next try; the saves themselves are not held up. */
const INDEX_RETRY_MS = 10_000;

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
  /** Releases saved since the search index last caught up. */
  /** Releases whose search entry is behind, with the text just saved when it is at hand (no need to read it back). */
  private readonly unindexed = new Map<string, { version: number; article: Article } | null>();
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly searchStatements = new Map<string, Database.Statement<unknown[], ArticleRow & { text: string }>>();

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
      // Kept by triggers (migration 011): counting 100,000 releases took longer than the page.
      total: db.prepare<[number], number>('SELECT total FROM article_totals WHERE trashed = ?').pluck(),
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
      unindex: db.prepare('DELETE FROM article_search WHERE rowid = ?'),
      index: db.prepare('INSERT INTO article_search (article_id, text, folded) VALUES (?, ?, ?)'),
      markIndexed: db.prepare('UPDATE articles SET indexed_version = ?, search_rowid = ? WHERE id = ?'),
      indexStateOf: db.prepare<[string], { version: number; search_rowid: number | null }>('SELECT version, search_rowid FROM articles WHERE id = ?'),
      contentOf: db.prepare<[string], string>('SELECT content FROM articles WHERE id = ?').pluck(),
      searchRowOf: db.prepare<[string], number | null>('SELECT search_rowid FROM articles WHERE id = ?').pluck(),
      staleIndex: db.prepare<[], string>('SELECT id FROM articles WHERE indexed_version IS NOT version').pluck(),
    };
    // Saves a crash left unindexed are indexed now, in the background.
    for (const id of this.statements.staleIndex.all()) this.reindexSoon(id);
  }

  /** The newest `limit` drafts of the list (or of the trash), and how many there are in all. */
  page(scope: 'active' | 'trash', limit: number): { items: DraftSummary[]; total: number } {
    const active = scope === 'active';
    const rows = (active ? this.statements.listActive : this.statements.listTrash).all(limit);
    return { items: rows.map(toSummary), total: this.statements.total.get(active ? 0 : 1)! };
  }

  /**
   * Brings the search index up to date with every save (at most `limit` releases); searches
   * call it first. It never throws: the index is a copy, and when it cannot be written (a full
   * disk) the releases stay queued and a later try catches up, while searches use the index as
   * it is.
   */
  flushSearchIndex(limit = Number.POSITIVE_INFINITY): void {
    if (this.indexTimer !== null) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (this.unindexed.size === 0) return;
    const batch = [...this.unindexed].slice(0, limit);
    for (const [id] of batch) this.unindexed.delete(id);
    try {
      this.indexBatch(batch);
    } catch (error) {
      // Requeued, unless a newer save has queued the release again meanwhile.
      for (const [id, saved] of batch) if (!this.unindexed.has(id)) this.unindexed.set(id, saved);
      console.error('Search index not updated; trying again later:', error);
      this.scheduleIndexing(INDEX_RETRY_MS);
      return;
    }
    // A long catch-up (after a crash or an import) goes on in batches, so main stays responsive.
    if (this.unindexed.size > 0) this.scheduleIndexing(0);
  }

  private indexBatch(batch: ReadonlyArray<[string, { version: number; article: Article } | null]>): void {
    this.db.transaction(() => {
      for (const [id, saved] of batch) {
        const row = this.statements.indexStateOf.get(id);
        if (!row) continue;
        if (row.search_rowid !== null) this.statements.unindex.run(row.search_rowid);
        const article = saved?.version === row.version ? saved.article : articleSchema.parse(JSON.parse(this.statements.contentOf.get(id)!));
        const text = searchableText(article);
        const { lastInsertRowid } = this.statements.index.run(id, text, foldGerman(text).folded);
        this.statements.markIndexed.run(row.version, lastInsertRowid, id);
      }
    })();
  }

  /** Stops the index timer after bringing the index up to date (on close). */
  dispose(): void {
    if (this.db.open) this.flushSearchIndex();
    // What could not be indexed is indexed at the next start (its indexed version is behind).
    if (this.indexTimer !== null) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    this.changes.clear();
  }

  list(scope: 'active' | 'trash'): DraftSummary[] {
    return this.page(scope, Number.MAX_SAFE_INTEGER).items;
  }

  get(id: string): Draft {
    return toDraft(this.requireRow(id));
  }

  /**
   * Stores a new release, under the id the editor chose for it when given one ("Neue
   * Pressemitteilung" is stored with its first input). A create under an id that exists already
   * (a retry whose first answer was lost) answers that release as it is and overwrites nothing.
   */
  create(given: Article = emptyArticle(), id: string = this.newId()): Draft {
    const existing = this.statements.get.get(id);
    if (existing) return toDraft(existing);
    const article = completeArticle(given);
    const now = this.now().toISOString();
    this.db.transaction(() => {
      this.statements.insert.run({ id, ...columnsOf(article), now });
      this.log(now, 'article.created', id);
    })();
    this.reindexSoon(id, { version: 1, article });
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
      if (changes === 1) this.log(now, 'article.saved', id, { version: baseVersion + 1 });
      return changes === 1;
    })();
    if (updated) {
      this.reindexSoon(id, { version: baseVersion + 1, article });
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
      const searchRow = this.statements.searchRowOf.get(id);
      this.statements.remove.run(id);
      if (searchRow !== null && searchRow !== undefined) this.statements.unindex.run(searchRow);
      this.unindexed.delete(id);
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
   * most recently saved first, each with the passage around the first match.
   */
  search(query: string, filter: { scope: 'active' | 'trash' | 'all'; from?: string | undefined; to?: string | undefined }): SearchHit[] {
    this.flushSearchIndex();
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
    const rows = this.searchStatement(where.join(' AND ')).all(...params);
    return rows.map((row) => ({ draft: toSummary(row), snippet: snippet(row.text, terms) }));
  }

  /** The search's statement for these conditions, prepared once for each shape of query. */
  private searchStatement(where: string) {
    let statement = this.searchStatements.get(where);
    if (!statement) {
      // A release is re-indexed on every save, so the highest rowid is the latest save: SQLite walks
      // the index newest first and stops at 50 instead of ranking every match.
      statement = this.db.prepare<unknown[], ArticleRow & { text: string }>(
        `SELECT a.id, a.title, a.lead, a.created_at, a.updated_at, a.deleted_at, s.text
         FROM article_search s JOIN articles a ON a.id = s.article_id
         WHERE ${where}
         ORDER BY s.rowid DESC
         LIMIT 50`,
      );
      // The shapes are few (which filters, how many short words); a bound all the same.
      if (this.searchStatements.size >= 64) this.searchStatements.clear();
      this.searchStatements.set(where, statement);
    }
    return statement;
  }

  /**
   * Indexing a long release takes longer than saving it, so it happens shortly after the save,
   * off the autosave path, a release at a time however often it was saved meanwhile.
   */
  private reindexSoon(id: string, saved: { version: number; article: Article } | null = null): void {
    // Queued anew at the end: the index is written in the order of the latest saves, which is the
    // order the search shows (a release saved again before a catch-up kept its old place before).
    this.unindexed.delete(id);
    this.unindexed.set(id, saved);
    this.scheduleIndexing(INDEX_DELAY_MS);
  }

  private scheduleIndexing(delay: number): void {
    if (this.indexTimer !== null) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      if (this.db.open) this.flushSearchIndex(INDEX_BATCH);
    }, delay);
    this.indexTimer.unref?.();
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
