import { createHash } from 'node:crypto';
import { completeArticle } from '../../common/blocks/block-ids.js';
import { articleSchema, type Article } from '../../common/article.js';
import { canonicalJson } from '../../common/canonical-json.js';
import type { Draft, RevisionReason, RevisionSummary } from '../../common/contract.js';
import { Failure } from '../../common/result.js';
import { durably, type SqliteDatabase } from './database.js';
import { Emitter } from './disposable.js';
import type { DraftStore } from './draft-store.js';

interface RevisionRow {
  id: number;
  article_id: string;
  article_version: number;
  created_at: string;
  reason: RevisionReason;
  content_hash: string;
  restored_from: number | null;
  labels: string | null;
}

/** The SHA-256 of an article's canonical JSON: equal content, equal hash. */
export function contentHash(article: Article): string {
  return createHash('sha256').update(canonicalJson(article)).digest('hex');
}

const SUMMARY_COLUMNS = `r.id, r.article_id, r.article_version, r.created_at, r.reason, r.content_hash, r.restored_from,
  (SELECT json_group_array(label) FROM (SELECT label FROM revision_labels WHERE revision_id = r.id ORDER BY id)) AS labels`;

/**
 * The history of each release: immutable revisions with a content hash, written when the
 * person pauses, leaves the editor, closes it or submits; named versions; restoring an
 * old revision as the newest one. Nothing here ever changes or deletes a revision.
 */
export class HistoryStore {
  readonly changes = new Emitter<{ id: string }>();
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly drafts: DraftStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statements = {
      list: db.prepare<[string], RevisionRow>(`SELECT ${SUMMARY_COLUMNS} FROM revisions r WHERE r.article_id = ? ORDER BY r.id DESC`),
      summary: db.prepare<[number, string], RevisionRow>(`SELECT ${SUMMARY_COLUMNS} FROM revisions r WHERE r.id = ? AND r.article_id = ?`),
      content: db.prepare<[number, string], string>('SELECT content FROM revisions WHERE id = ? AND article_id = ?').pluck(),
      newest: db.prepare<[string], { id: number; content_hash: string }>('SELECT id, content_hash FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1'),
      current: db.prepare<[string], { version: number; content: string }>('SELECT version, content FROM articles WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO revisions (article_id, article_version, created_at, reason, content_hash, content, restored_from)
         VALUES (@articleId, @version, @now, @reason, @hash, @content, @restoredFrom)`,
      ),
      label: db.prepare('INSERT INTO revision_labels (revision_id, label, created_at) VALUES (?, ?, ?)'),
      /** Releases saved since their newest revision (or never given one). */
      behind: db
        .prepare<[], string>(
          `SELECT a.id FROM articles a
           WHERE a.version > COALESCE((SELECT MAX(r.article_version) FROM revisions r WHERE r.article_id = a.id), 0)`,
        )
        .pluck(),
    };
  }

  list(articleId: string): RevisionSummary[] {
    this.drafts.get(articleId);
    return this.statements.list.all(articleId).map(toSummary);
  }

  get(articleId: string, revisionId: number): { revision: RevisionSummary; article: Article } {
    const row = this.statements.summary.get(revisionId, articleId);
    const content = this.statements.content.get(revisionId, articleId);
    if (!row || content === undefined) throw new Failure('not_found', 'history.notFound');
    return { revision: toSummary(row), article: articleSchema.parse(JSON.parse(content)) };
  }

  /** A revision of the stored release, unless the newest revision already has its content. */
  checkpoint(articleId: string, reason: RevisionReason): RevisionSummary | null {
    const id = this.db.transaction(() => this.writeIfChanged(articleId, reason))();
    if (id === null) return null;
    this.changes.emit({ id: articleId });
    return this.summaryOf(id, articleId);
  }

  /** Revisions for every release saved since its last one: at start (after a crash) and on close. */
  checkpointAll(reason: 'close' | 'recovered'): number {
    const ids = this.statements.behind.all();
    this.db.transaction(() => {
      for (const id of ids) this.writeIfChanged(id, reason);
    })();
    for (const id of ids) this.changes.emit({ id });
    return ids.length;
  }

  /** "Version speichern": names the stored release (as a new revision if its content is new). */
  saveVersion(articleId: string, label: string): RevisionSummary {
    const revisionId = durably(this.db, () => {
      const id = this.writeIfChanged(articleId, 'named') ?? this.statements.newest.get(articleId)!.id;
      this.statements.label.run(id, label, this.now().toISOString());
      return id;
    });
    this.changes.emit({ id: articleId });
    return this.summaryOf(revisionId, articleId);
  }

  /**
   * "Wiederherstellen": the revision's content becomes the newest version of the release.
   * What was stored until now is kept as a revision first; nothing is overwritten or deleted.
   * Refused if the release changed since `baseVersion` (another window saved meanwhile).
   */
  restore(articleId: string, revisionId: number, baseVersion: number): Draft {
    const { article } = this.get(articleId, revisionId);
    durably(this.db, () => {
      const current = this.requireCurrent(articleId);
      if (current.version !== baseVersion) throw new Failure('conflict', 'history.restoreConflict');
      this.writeIfChanged(articleId, 'before-restore');
      const saved = this.drafts.save(articleId, baseVersion, completeArticle(article));
      if (saved.status !== 'saved') throw new Failure('conflict', 'history.restoreConflict');
      this.insert(articleId, 'restore', revisionId);
    });
    this.changes.emit({ id: articleId });
    return this.drafts.get(articleId);
  }

  dispose(): void {
    this.changes.clear();
  }

  /** Inside a transaction: a new revision of the stored content unless the newest has the same hash. */
  private writeIfChanged(articleId: string, reason: RevisionReason): number | null {
    const current = this.requireCurrent(articleId);
    // The stored content was validated when it was saved; hashing needs only its values.
    const hash = contentHash(JSON.parse(current.content) as Article);
    if (this.statements.newest.get(articleId)?.content_hash === hash) return null;
    return this.insertContent(articleId, current.version, reason, hash, current.content, null);
  }

  private insert(articleId: string, reason: RevisionReason, restoredFrom: number): number {
    const current = this.requireCurrent(articleId);
    const hash = contentHash(JSON.parse(current.content) as Article);
    return this.insertContent(articleId, current.version, reason, hash, current.content, restoredFrom);
  }

  private insertContent(articleId: string, version: number, reason: RevisionReason, hash: string, content: string, restoredFrom: number | null): number {
    const { lastInsertRowid } = this.statements.insert.run({ articleId, version, now: this.now().toISOString(), reason, hash, content, restoredFrom });
    return Number(lastInsertRowid);
  }

  private requireCurrent(articleId: string): { version: number; content: string } {
    const current = this.statements.current.get(articleId);
    if (!current) throw new Failure('not_found', 'error.notFound');
    return current;
  }

  private summaryOf(revisionId: number, articleId: string): RevisionSummary {
    return toSummary(this.statements.summary.get(revisionId, articleId)!);
  }
}

function toSummary(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    createdAt: row.created_at,
    reason: row.reason,
    labels: row.labels ? (JSON.parse(row.labels) as string[]) : [],
    contentHash: row.content_hash,
    restoredFrom: row.restored_from,
  };
}
