import { articleSchema, type Article } from '../../common/article.js';
import { z } from 'zod';
import { historyHeadSchema, portalDeliverySchema, type ArticleStatus, type Comment, type HistoryHead, type PortalArticle, type PortalDelivery } from '../../common/portal-api.js';
import { durably, type SqliteDatabase } from './database.js';

/** What the outbox carries to the portal, in the order it was asked for. */
export type OutboxAction = 'upload' | 'save' | 'submit' | 'transition' | 'comment' | 'resolve';

/** One waiting action of the outbox; its payload is the JSON its handler reads. */
export interface OutboxItem {
  id: number;
  articleId: string;
  action: OutboxAction;
  payload: string;
  idempotencyKey: string;
  attempts: number;
}

/** What the portal last said about one of the person's own releases. */
export interface SyncRow {
  /** The revision the local text is based on (moved by a delivery or a decided conflict, never by a pull). */
  portalRevision: number | null;
  portalStatus: ArticleStatus | null;
  url: string | null;
  publishedRevision: number | null;
  /** The text of the portal's current revision, and which revision that is. */
  portalContent: string | null;
  portalContentRevision: number | null;
  /** JSON of the portal's deliveries of it (see `storedDeliveries`). */
  deliveries: string | null;
}

/** A release of someone else, as last fetched for the review inbox or the list of live releases. */
export interface StoredCopy {
  id: string;
  revision: number;
  status: ArticleStatus;
  content: string;
  createdBy: string;
  updatedBy: string;
  /** Everyone who wrote a revision of it (four eyes). */
  authors: string[];
  updatedAt: string;
  url: string | null;
}

/** The portal's version of a release, kept beside the local one until the person decides. */
export interface StoredConflict {
  portalRevision: number;
  updatedBy: string;
  article: Article;
}

/** The portal history's newest entry as last seen, for the portal at `url`. */
const keptHeadSchema = historyHeadSchema.extend({ url: z.string(), seenAt: z.string() });
/** The portal named an older newest entry than one seen before: entries were removed (or rewritten). */
const historyTruncationSchema = z.object({ url: z.string(), kept: historyHeadSchema, seen: historyHeadSchema, at: z.string() });

export type KeptHistoryHead = z.infer<typeof keptHeadSchema>;
export type HistoryTruncation = z.infer<typeof historyTruncationSchema>;

type CopyRow = Omit<StoredCopy, 'authors'> & { authors: string };

const copyColumns = 'article_id AS id, revision, status, content, created_by AS createdBy, updated_by AS updatedBy, authors, updated_at AS updatedAt, url';

/** Every statement of the sync engine, prepared once per open database. */
function prepareStatements(db: SqliteDatabase) {
  return {
    settingGet: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    settingPut: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),

    syncRow: db.prepare<[string], SyncRow>(
      `SELECT portal_revision AS portalRevision, portal_status AS portalStatus, portal_url AS url, published_revision AS publishedRevision,
         portal_content AS portalContent, portal_content_revision AS portalContentRevision, deliveries FROM sync_state WHERE article_id = ?`,
    ),
    syncPulled: db.prepare<[ArticleStatus, string | null, number | null, string, number, string | null, string, string]>(
      'UPDATE sync_state SET portal_status = ?, portal_url = ?, published_revision = ?, portal_content = ?, portal_content_revision = ?, deliveries = ?, updated_at = ? WHERE article_id = ?',
    ),
    syncMoveBase: db.prepare<[number, string, string]>('UPDATE sync_state SET portal_revision = ?, updated_at = ? WHERE article_id = ?'),
    syncDelivered: db.prepare<[string, number, ArticleStatus, string | null, number | null, string, number, string | null, string]>(
      `INSERT INTO sync_state (article_id, portal_revision, portal_status, portal_url, published_revision, portal_content, portal_content_revision, deliveries, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_status = excluded.portal_status,
         portal_url = excluded.portal_url, published_revision = excluded.published_revision, portal_content = excluded.portal_content,
         portal_content_revision = excluded.portal_content_revision, deliveries = excluded.deliveries, updated_at = excluded.updated_at`,
    ),
    syncTakeUp: db.prepare<[string, number, ArticleStatus, string]>(
      `INSERT INTO sync_state (article_id, portal_revision, portal_status, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_status = excluded.portal_status, updated_at = excluded.updated_at`,
    ),
    withComments: db.prepare<[], string>('SELECT article_id FROM sync_state UNION SELECT article_id FROM portal_copies').pluck(),

    conflictPut: db.prepare<[string, number, string, string, string]>(
      `INSERT INTO conflicts (article_id, portal_revision, portal_content, portal_updated_by, detected_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_content = excluded.portal_content, portal_updated_by = excluded.portal_updated_by, detected_at = excluded.detected_at`,
    ),
    conflictGet: db.prepare<[string], { portalRevision: number; content: string; updatedBy: string }>(
      'SELECT portal_revision AS portalRevision, portal_content AS content, portal_updated_by AS updatedBy FROM conflicts WHERE article_id = ?',
    ),
    conflictDelete: db.prepare<[string]>('DELETE FROM conflicts WHERE article_id = ?'),
    undecided: db
      .prepare<[string, string], number>("SELECT (SELECT COUNT(*) FROM conflicts WHERE article_id = ?) + (SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending')")
      .pluck(),

    outboxPut: db.prepare<[string, OutboxAction, string, string, string, string]>(
      'INSERT INTO outbox (article_id, action, payload, idempotency_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    pendingOf: db.prepare<[string], number>("SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending'").pluck(),
    pendingAll: db.prepare<[], number>("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").pluck(),
    // A refusal counts until something later for the release went through.
    problemOf: db
      .prepare<[string, string], string | null>(
        `SELECT last_error FROM outbox WHERE article_id = ? AND state = 'failed'
           AND id > COALESCE((SELECT MAX(id) FROM outbox WHERE article_id = ? AND state = 'delivered'), 0)
         ORDER BY id DESC LIMIT 1`,
      )
      .pluck(),
    // A release's later actions wait for its earlier ones.
    nextDue: db.prepare<[string], OutboxItem>(
      `SELECT o.id, o.article_id AS articleId, o.action, o.payload, o.idempotency_key AS idempotencyKey, o.attempts FROM outbox o
       WHERE o.state = 'pending' AND o.next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.article_id = o.article_id AND e.id < o.id AND e.state = 'pending')
       ORDER BY o.id LIMIT 1`,
    ),
    earliestDue: db.prepare<[], string | null>("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").pluck(),
    outboxDelivered: db.prepare<[number]>("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL WHERE id = ?"),
    outboxPostpone: db.prepare<[string, string, number]>('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?'),
    outboxFailFrom: db.prepare<[string | null, string, number]>(
      "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE article_id = ? AND state = 'pending' AND id >= ?",
    ),
    outboxForgetProblems: db.prepare<[string]>("UPDATE outbox SET last_error = NULL WHERE article_id = ? AND state = 'failed'"),
    overview: db.prepare<[], { id: string; portalStatus: ArticleStatus | null; pending: number; deliveries: string | null }>(
      `SELECT ids.id, s.portal_status AS portalStatus, s.deliveries, (SELECT COUNT(*) FROM outbox o WHERE o.article_id = ids.id AND o.state = 'pending') AS pending
       FROM (SELECT article_id AS id FROM sync_state UNION SELECT article_id FROM outbox WHERE state = 'pending') ids
       LEFT JOIN sync_state s ON s.article_id = ids.id`,
    ),

    copyPut: db.prepare<[string, number, ArticleStatus, string, string, string, string, string, string, string | null]>(
      `INSERT INTO portal_copies (article_id, revision, status, content, created_by, updated_by, authors, updated_at, fetched_at, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET revision = excluded.revision, status = excluded.status, content = excluded.content,
         created_by = excluded.created_by, updated_by = excluded.updated_by, authors = excluded.authors, updated_at = excluded.updated_at,
         fetched_at = excluded.fetched_at, url = excluded.url`,
    ),
    copyGet: db.prepare<[string], CopyRow>(`SELECT ${copyColumns} FROM portal_copies WHERE article_id = ?`),
    copiesInReview: db.prepare<[], CopyRow>(`SELECT ${copyColumns} FROM portal_copies WHERE status = 'in_review' ORDER BY updated_at DESC`),
    copiesLive: db.prepare<[], CopyRow>(`SELECT ${copyColumns} FROM portal_copies WHERE status IN ('published', 'scheduled') ORDER BY updated_at DESC`),
    copyIds: db.prepare<[], string>('SELECT article_id FROM portal_copies').pluck(),
    copyContents: db.prepare<[], string>('SELECT content FROM portal_copies').pluck(),
    copyDelete: db.prepare<[string]>('DELETE FROM portal_copies WHERE article_id = ?'),
    copyDelivered: db.prepare<[ArticleStatus, number, string | null, string]>('UPDATE portal_copies SET status = ?, revision = ?, url = ? WHERE article_id = ?'),

    commentPut: db.prepare<[string, string, string, number, string, string, string, string | null, string | null]>(
      `INSERT INTO portal_comments (id, article_id, block_id, revision, text, author, created_at, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
    ),
    commentsOf: db.prepare<[string], Comment>(
      `SELECT id, article_id AS articleId, block_id AS blockId, revision, text, author, created_at AS createdAt, resolved_by AS resolvedBy, resolved_at AS resolvedAt
       FROM portal_comments WHERE article_id = ? ORDER BY created_at, id`,
    ),
  };
}

function copyOf(row: CopyRow): StoredCopy {
  return { ...row, authors: JSON.parse(row.authors) as string[] };
}

/**
 * The sync engine's tables (settings, sync state, outbox, conflicts, copies of others' releases,
 * review comments) behind typed methods: every statement is prepared once, here, and written
 * once, so a query changes in one place.
 */
export class SyncStateStore {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: SqliteDatabase) {
    this.sql = prepareStatements(db);
  }

  /** Runs `write` in one transaction. */
  transaction<T>(write: () => T): T {
    return this.db.transaction(write)();
  }

  /** Runs `write` in one transaction that survives a power cut (for what the person asked for). */
  durably<T>(write: () => T): T {
    return durably(this.db, write);
  }

  // --- settings ---

  setting(key: string): string | null {
    return this.sql.settingGet.get(key) ?? null;
  }

  saveSetting(key: string, value: string): void {
    this.sql.settingPut.run(key, value);
  }

  // --- the portal history's newest entry ---

  /** The newest history entry last seen, for the portal at `url`; null before any or for another portal. */
  historyHead(url: string): KeptHistoryHead | null {
    const kept = this.settingOf('portal.historyHead', keptHeadSchema);
    return kept?.url === url ? kept : null;
  }

  /** When the portal named an older newest entry than one seen before, for the portal at `url`. */
  historyTruncation(url: string): HistoryTruncation | null {
    const truncation = this.settingOf('portal.historyTruncated', historyTruncationSchema);
    return truncation?.url === url ? truncation : null;
  }

  /**
   * Keeps the newest history entry the portal names. One older than the kept one (or the same
   * entry with another hash) means entries were removed: recorded, and returned the first time
   * it is seen; the kept head stays.
   */
  recordHistoryHead(url: string, head: HistoryHead, now: string): HistoryTruncation | null {
    const kept = this.historyHead(url);
    if (kept && (head.seq < kept.seq || (head.seq === kept.seq && head.hash !== kept.hash))) {
      const known = this.historyTruncation(url);
      if (known && known.kept.hash === kept.hash && known.seen.hash === head.hash) return null;
      const truncation: HistoryTruncation = { url, kept: { seq: kept.seq, hash: kept.hash }, seen: head, at: now };
      this.saveSetting('portal.historyTruncated', JSON.stringify(truncation));
      return truncation;
    }
    if (!kept || head.seq > kept.seq) this.saveSetting('portal.historyHead', JSON.stringify({ url, seq: head.seq, hash: head.hash, seenAt: now }));
    return null;
  }

  private settingOf<T>(key: string, schema: z.ZodType<T>): T | null {
    const value = this.setting(key);
    if (value === null) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  // --- what the portal said about the person's releases ---

  syncRow(id: string): SyncRow | undefined {
    return this.sql.syncRow.get(id);
  }

  /** A pull: status, address and text as the portal holds them; the base revision stays. */
  recordPulled(item: PortalArticle, now: string): void {
    this.sql.syncPulled.run(item.status, item.url, item.publishedRevision, JSON.stringify(item.article), item.revision, deliveriesOf(item), now, item.id);
  }

  /** The portal answered an action of the person's: everything it said, the base revision too. */
  recordDelivered(id: string, result: PortalArticle, now: string): void {
    this.sql.syncDelivered.run(id, result.revision, result.status, result.url, result.publishedRevision, JSON.stringify(result.article), result.revision, deliveriesOf(result), now);
  }

  /** The local text is now based on `revision`. */
  moveBase(id: string, revision: number, now: string): void {
    this.sql.syncMoveBase.run(revision, now, id);
  }

  /** "Bearbeiten": a copy under review becomes the person's release, based on its revision. */
  takeUp(id: string, revision: number, status: ArticleStatus, now: string): void {
    this.sql.syncTakeUp.run(id, revision, status, now);
  }

  // --- conflicts ---

  recordConflict(current: PortalArticle, now: string): void {
    this.sql.conflictPut.run(current.id, current.revision, JSON.stringify(current.article), current.updatedBy, now);
  }

  conflict(id: string): StoredConflict | null {
    const row = this.sql.conflictGet.get(id);
    return row ? { portalRevision: row.portalRevision, updatedBy: row.updatedBy, article: articleSchema.parse(JSON.parse(row.content)) } : null;
  }

  /** A conflict decided: gone, and so are the old refusals of the release. */
  forgetConflict(id: string): void {
    this.sql.conflictDelete.run(id);
    this.sql.outboxForgetProblems.run(id);
  }

  /** Whether a conflict or a waiting action is still to be settled for the release. */
  undecided(id: string): boolean {
    return this.sql.undecided.get(id, id)! > 0;
  }

  // --- the outbox ---

  enqueue(id: string, action: OutboxAction, payload: unknown, idempotencyKey: string, now: string): void {
    this.sql.outboxPut.run(id, action, JSON.stringify(payload), idempotencyKey, now, now);
  }

  /** Actions waiting for one release, or over all when no id is given. */
  pending(id?: string): number {
    return id === undefined ? this.sql.pendingAll.get()! : this.sql.pendingOf.get(id)!;
  }

  /** Why the last action for the release was refused, unless something later went through. */
  problem(id: string): string | null {
    return this.sql.problemOf.get(id, id) ?? null;
  }

  nextDue(now: string): OutboxItem | undefined {
    return this.sql.nextDue.get(now);
  }

  /** When the next waiting action is due; null when nothing waits. */
  earliestDue(): string | null {
    return this.sql.earliestDue.get() ?? null;
  }

  markDelivered(itemId: number): void {
    this.sql.outboxDelivered.run(itemId);
  }

  postpone(itemId: number, nextAttemptAt: string, error: string): void {
    this.sql.outboxPostpone.run(nextAttemptAt, error, itemId);
  }

  /** The action and what was queued after it for the release are not delivered. */
  failFrom(item: OutboxItem, error: string | null): void {
    this.sql.outboxFailFrom.run(error, item.articleId, item.id);
  }

  overview(): Array<{ id: string; portalStatus: ArticleStatus | null; pending: number; deliveries: PortalDelivery[] }> {
    return this.sql.overview.all().map((row) => ({ ...row, deliveries: storedDeliveries(row.deliveries) }));
  }

  // --- others' releases ---

  saveCopy(item: PortalArticle, now: string): void {
    this.sql.copyPut.run(item.id, item.revision, item.status, JSON.stringify(item.article), item.createdBy, item.updatedBy, JSON.stringify(item.authors), item.updatedAt, now, item.url);
  }

  copy(id: string): StoredCopy | null {
    const row = this.sql.copyGet.get(id);
    return row ? copyOf(row) : null;
  }

  /** The review inbox, or the live releases of others; newest first. */
  copies(which: 'inReview' | 'live'): StoredCopy[] {
    return (which === 'inReview' ? this.sql.copiesInReview : this.sql.copiesLive).all().map(copyOf);
  }

  copyIds(): string[] {
    return this.sql.copyIds.all();
  }

  copyContents(): string[] {
    return this.sql.copyContents.all();
  }

  deleteCopy(id: string): void {
    this.sql.copyDelete.run(id);
  }

  /** The portal answered an action on someone else's release (a review, a withdrawal). */
  copyDelivered(id: string, result: PortalArticle): void {
    this.sql.copyDelivered.run(result.status, result.revision, result.url, id);
  }

  // --- review comments ---

  /** The releases whose comments are kept: the person's own and those in the lists. */
  releasesWithComments(): string[] {
    return this.sql.withComments.all();
  }

  storeComments(id: string, comments: readonly Comment[]): void {
    this.transaction(() => {
      for (const comment of comments) {
        this.sql.commentPut.run(comment.id, id, comment.blockId, comment.revision, comment.text, comment.author, comment.createdAt, comment.resolvedBy, comment.resolvedAt);
      }
    });
  }

  /** Oldest first. */
  comments(id: string): Comment[] {
    return this.sql.commentsOf.all(id);
  }
}

/** The portal's deliveries as stored; null from a portal without a publish queue. */
function deliveriesOf(article: PortalArticle): string | null {
  return article.deliveries ? JSON.stringify(article.deliveries) : null;
}

/** The stored deliveries, as the portal last answered; none when unreadable or never told. */
export function storedDeliveries(json: string | null | undefined): PortalDelivery[] {
  if (!json) return [];
  const parsed = z.array(portalDeliverySchema).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}
