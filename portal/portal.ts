import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../common/article.js';
import { blockOfNode } from '../common/blocks/catalog.js';
import { documentProblem } from '../common/blocks/validate-document.js';
import { canonicalJson } from '../common/canonical-json.js';
import { formatMessage } from '../common/messages/index.js';
import type { ArticleStatus, Comment, HistoryEntry, HistoryHead, PortalArticle, Profile, Role, Session, TransitionRequest } from '../common/portal-api.js';
import { ArticleStore, type ArticleRow } from './articles.js';
import { openPortalDatabase, type PortalDatabase } from './database.js';
import { DeliveryQueue } from './deliveries.js';
import { Destinations, type DestinationConfig } from './destinations.js';
import './wordpress/destination.js';
import { fail, PortalFailure } from './failure.js';
import { HistoryLog } from './history.js';
import { MediaStore } from './media.js';
import { portalMessage } from './messages.js';
import { buildProfile, type ProfileConfig } from './profile.js';
import { Transitions } from './transitions.js';
import { mayAccess, ministriesOf, reachesEveryMinistry, type Ministry } from './ministries.js';
import { Users, type PasswordHash, type User } from './users.js';

export { PortalFailure } from './failure.js';
export { hashEntry, sha256 } from './history.js';
export type { User } from './users.js';

/** How long a write's answer is kept for a retry with the same Idempotency-Key. */
export const IDEMPOTENCY_HOURS = 24;

export interface PortalOptions {
  dataDirectory: string;
  profile: ProfileConfig;
  /** The public address of the website, for article URLs and the feed. */
  baseUrl: string;
  now?: () => Date;
  /** A session ends after this long without a request (default 60 minutes); and 8 hours after sign-in in any case. */
  sessionIdleMs?: number;
  /** The password key derivation (scrypt); for tests that count it. */
  passwordHash?: PasswordHash;
  /** The publish queue's first retry wait (doubling from there, with jitter); for tests. */
  deliveryRetryMs?: number;
}

/** The operator's view, with every ministry: the command line, tests, benchmarks. Never a signed-in person. */
export const operator: User = { name: 'system', role: 'admin', ministries: [] };

/**
 * The reference portal's rules, whatever the client does: roles, revisions with If-Match,
 * the four-eyes principle, approvals bound to one revision, the embargo, renderable element
 * types, a hash-chained history. The HTTP layer (`server.ts`) only translates. Its parts:
 * users and sessions, articles and revisions, media, the workflow's transitions, the history.
 */
export class Portal {
  readonly db: PortalDatabase;
  readonly mediaDirectory: string;
  private readonly now: () => Date;
  private readonly users: Users;
  private readonly articles: ArticleStore;
  private readonly media: MediaStore;
  private readonly log: HistoryLog;
  private readonly transitions: Transitions;
  private readonly ministries: Ministry[];
  readonly destinations: Destinations;
  readonly deliveries: DeliveryQueue;

  constructor(private readonly options: PortalOptions) {
    mkdirSync(options.dataDirectory, { recursive: true });
    this.db = openPortalDatabase(join(options.dataDirectory, 'portal.sqlite'));
    this.mediaDirectory = join(options.dataDirectory, 'media');
    this.now = options.now ?? (() => new Date());
    const stamp = () => this.stamp();
    this.ministries = ministriesOf(options.profile.ministries);
    this.users = new Users(this.db, { now: this.now, ...(options.sessionIdleMs ? { sessionIdleMs: options.sessionIdleMs } : {}), ...(options.passwordHash ? { hash: options.passwordHash } : {}) });
    this.articles = new ArticleStore(this.db, options.baseUrl);
    this.media = new MediaStore(this.db, this.mediaDirectory, options.profile.limits, stamp);
    this.log = new HistoryLog(this.db, stamp);
    this.destinations = new Destinations(this.db);
    this.deliveries = new DeliveryQueue({
      db: this.db,
      articles: this.articles,
      destinations: this.destinations,
      now: this.now,
      mediaFile: (hash) => this.media.file(hash),
      websiteUrl: (row) => (row.slug ? `${options.baseUrl}/presse/${row.slug}` : null),
      ...(options.deliveryRetryMs ? { retryBaseMs: options.deliveryRetryMs } : {}),
    });
    this.articles.deliveriesOf = (id) => this.deliveries.of(id);
    this.transitions = new Transitions({ db: this.db, articles: this.articles, history: this.log, profileConfig: options.profile, profile: () => this.profile(), now: this.now, deliveries: this.deliveries });
    this.assignMinistriesByName();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  profile(): Profile {
    return buildProfile(this.options.profile, this.options.baseUrl);
  }

  /** The portal's own settings of the profile: its name and the legal pages of the public website. */
  siteSettings(): ProfileConfig['portal'] {
    return this.options.profile.portal;
  }

  /** The website of a ministry, by the name releases show, if the profile gives one. */
  ministryUrl(name: string): string | undefined {
    return this.ministries.find((ministry) => ministry.name === name)?.url;
  }

  // --- users and sessions ---

  /** Adds (or changes) a user: authors and approvers belong to one or more ministries of the profile, by id. */
  addUser(name: string, role: Role, password: string, ministries: readonly string[]): void {
    const known = this.ministries.map((ministry) => ministry.id);
    const unknown = ministries.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new Error(`Unknown ministry ${unknown.map((id) => `"${id}"`).join(', ')}; the profile knows: ${known.join(', ')}`);
    if (role !== 'admin' && ministries.length === 0) throw new Error(`An ${role} belongs to at least one ministry (one of: ${known.join(', ')})`);
    this.users.add(name, role, password, ministries);
  }

  /** A bearer token for a user name and password; failed attempts are limited per name and per client. */
  login(name: string, password: string, client: string): Session {
    return this.users.login(name, password, client);
  }

  /** The user a bearer token belongs to, or null if it is unknown, expired or idle too long; a request keeps it alive. */
  userForToken(token: string): User | null {
    return this.users.forToken(token);
  }

  /** Ends the session of a bearer token ("Abmelden"). */
  logout(token: string): void {
    this.users.logout(token);
  }

  // --- articles ---

  getArticle(user: User, id: string): PortalArticle {
    return this.articles.toResource(this.articles.requireFor(user, id));
  }

  /** The articles of the user's ministries (an admin's: all). */
  listArticles(user: User, status: ArticleStatus | undefined, limit: number, offset: number): { items: PortalArticle[]; total: number; historyHead: HistoryHead | null } {
    const conditions: string[] = status ? ['status = ?'] : [];
    const params: unknown[] = status ? [status] : [];
    if (!reachesEveryMinistry(user)) {
      conditions.push(`ministry IN (${user.ministries.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...user.ministries);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = this.db.prepare<unknown[], ArticleRow>(`SELECT * FROM articles ${where} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`).all(...params, limit, offset);
    const total = this.db.prepare<unknown[], number>(`SELECT COUNT(*) FROM articles ${where}`).pluck().get(...params)!;
    return { items: rows.map((row) => this.articles.toResource(row)), total, historyHead: this.log.head() };
  }

  /**
   * Creates the article under the client's id, or stores a new revision of it. An update must
   * name the revision it is based on; a stale one is refused with the current article.
   */
  putArticle(user: User, id: string, article: Article, ifMatch: number | null): { created: boolean; article: PortalArticle } {
    const existing = this.articles.find(id);
    if (existing) this.articles.requireFor(user, id);
    this.validateContent(article);
    const ministry = this.ministryOf(user, article, existing);
    const now = this.stamp();
    const content = JSON.stringify(article);
    if (!existing) {
      // If-Match names a revision of an article that is not there: a precondition that fails, not a creation.
      if (ifMatch !== null) fail(412, 'precondition_failed', 'ifMatchUnknown', { based: ifMatch });
      this.db.prepare(
        `INSERT INTO articles (id, revision, status, ministry, created_by, updated_by, created_at, updated_at) VALUES (?, 1, 'draft', ?, ?, ?, ?, ?)`,
      ).run(id, ministry, user.name, user.name, now, now);
      this.articles.insertRevision(id, 1, content, user.name, now);
      this.log.append(id, user.name, 'created', 1, null);
      return { created: true, article: this.getArticle(user, id) };
    }
    if (ifMatch === null) fail(428, 'precondition_required', 'ifMatchRequired');
    if (ifMatch !== existing.revision) {
      throw new PortalFailure(412, 'precondition_failed', portalMessage('stale', { current: existing.revision, based: ifMatch }), undefined, this.articles.toResource(existing));
    }
    const current = this.articles.storedContent(id, existing.revision)!;
    if (canonicalJson(JSON.parse(current)) === canonicalJson(article)) return { created: false, article: this.articles.toResource(existing) };
    const revision = existing.revision + 1;
    // Any change needs a new approval: an approval, a schedule belong to the revision before.
    this.db.prepare(
      `UPDATE articles SET revision = ?, status = 'draft', approved_revision = NULL, approved_by = NULL, scheduled_at = NULL, ministry = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
    ).run(revision, ministry, user.name, now, id);
    this.articles.insertRevision(id, revision, content, user.name, now);
    this.log.append(id, user.name, 'updated', revision, null);
    return { created: false, article: this.getArticle(user, id) };
  }

  // --- media ---

  /** Stores a media file under its hash (idempotent): hash, type by content and size limit checked. */
  putMedia(user: User, hash: string, data: Uint8Array): Promise<{ created: boolean; sha256: string; mimeType: string; size: number }> {
    return this.media.put(user, hash, data);
  }

  mediaFile(hash: string): { path: string; mimeType: string; size: number } | null {
    return this.media.file(hash);
  }

  /** Whether a live (published, not withdrawn) release uses the file: only those are public. */
  isPublicMedia(hash: string): boolean {
    return this.media.isPublic(hash);
  }

  // --- workflow ---

  transition(user: User, id: string, request: TransitionRequest): PortalArticle {
    return this.transitions.transition(user, id, request);
  }

  /** Publishes every scheduled article whose time has come; run every few seconds and at start. */
  runScheduler(): string[] {
    return this.transitions.runScheduler();
  }

  /**
   * Forgets the stored answers of writes older than IDEMPOTENCY_HOURS (documented in the API):
   * their effect stays, but a retry with such an old key counts as a new request.
   */
  expireIdempotency(): number {
    const before = new Date(this.now().getTime() - IDEMPOTENCY_HOURS * 60 * 60 * 1000).toISOString();
    return this.db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(before).changes;
  }

  /** The portal's clock, as stored in its rows. */
  stampNow(): string {
    return this.stamp();
  }

  // --- deliveries ---

  /** Adds (or changes) a destination; a running portal delivers to it from the next publication on. */
  addDestination(config: DestinationConfig): void {
    this.destinations.add(config, this.stamp());
  }

  /** Retries a failed delivery (approvers and admins, of their ministries). */
  retryDelivery(user: User, id: string, destination: string): PortalArticle {
    const row = this.articles.requireFor(user, id);
    if (user.role === 'author') fail(403, 'forbidden', 'forbiddenRole', { role: user.role });
    this.deliveries.retry(id, destination);
    return this.articles.toResource(row);
  }

  // --- comments ---

  listComments(user: User, id: string): Comment[] {
    this.articles.requireFor(user, id);
    return this.db.prepare<[string], Comment>(`SELECT ${commentColumns} FROM comments WHERE article_id = ? ORDER BY created_at, id`).all(id);
  }

  addComment(user: User, id: string, blockId: string, revision: number, text: string): Comment {
    const row = this.articles.requireFor(user, id);
    if (revision < 1 || revision > row.revision) fail(422, 'invalid_content', 'unknownBlock', { blockId, revision });
    const article = this.articles.content(id, revision);
    if (!article.body.content.some((node) => node.attrs?.id === blockId)) fail(422, 'invalid_content', 'unknownBlock', { blockId, revision });
    const commentId = randomUUID();
    this.db
      .prepare('INSERT INTO comments (id, article_id, block_id, revision, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(commentId, id, blockId, revision, text, user.name, this.stamp());
    this.log.append(id, user.name, 'comment', revision, null);
    return this.comment(commentId);
  }

  resolveComment(user: User, id: string, commentId: string): Comment {
    this.articles.requireFor(user, id);
    const row = this.db.prepare<[string, string], Comment>(`SELECT ${commentColumns} FROM comments WHERE id = ? AND article_id = ?`).get(commentId, id);
    if (!row) fail(404, 'not_found', 'commentNotFound');
    if (row.resolvedAt === null) {
      this.db.prepare('UPDATE comments SET resolved_by = ?, resolved_at = ? WHERE id = ?').run(user.name, this.stamp(), commentId);
      this.log.append(id, user.name, 'comment_resolved', row.revision, null);
    }
    return this.comment(commentId);
  }

  private comment(commentId: string): Comment {
    return this.db.prepare<[string], Comment>(`SELECT ${commentColumns} FROM comments WHERE id = ?`).get(commentId)!;
  }

  // --- history ---

  history(user: User, id: string): HistoryEntry[] {
    this.articles.requireFor(user, id);
    return this.log.of(id);
  }

  /** The newest entry of the chain, the anchor the API and the feed carry; null while it is empty. */
  historyHead(): HistoryHead | null {
    return this.log.head();
  }

  /** The entry of the chain with this hash, if there is one. */
  historyEntryWithHash(hash: string): HistoryHead | null {
    return this.log.withHash(hash);
  }

  /** Walks the whole chain: every entry's hash and its link to the one before. */
  verifyHistory(): { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string } {
    return this.log.verify();
  }

  // --- website ---

  publishedPage(limit: number, offset: number): { items: Array<{ row: ArticleRow; article: Article }>; total: number } {
    const rows = this.db
      .prepare<[number, number], ArticleRow>('SELECT * FROM articles WHERE published_revision IS NOT NULL AND withdrawn_at IS NULL ORDER BY published_at DESC, id LIMIT ? OFFSET ?')
      .all(limit, offset);
    const total = this.db.prepare<[], number>('SELECT COUNT(*) FROM articles WHERE published_revision IS NOT NULL AND withdrawn_at IS NULL').pluck().get()!;
    return { items: rows.map((row) => ({ row, article: this.articles.content(row.id, row.published_revision!) })), total };
  }

  publishedBySlug(slug: string): { row: ArticleRow; article: Article } | 'gone' | null {
    const row = this.db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE slug = ?').get(slug);
    if (!row || row.published_revision === null) return null;
    if (row.withdrawn_at !== null) return 'gone';
    return { row, article: this.articles.content(row.id, row.published_revision) };
  }

  // --- internals ---

  /** The catalog and the profile: a known document, known element types, limits, ministries. */
  private validateContent(article: Article): void {
    const problem = documentProblem(article.body);
    if (problem) fail(422, 'invalid_content', 'invalidDocument', { reason: problem });
    const known = new Map(this.options.profile.elementTypes.map((type) => [type.name, type]));
    const details: NonNullable<PortalFailure['details']> = [];
    for (const node of article.body.content) {
      const block = blockOfNode(node.type);
      if (block && !known.has(block.elementType)) {
        details.push({ blockId: blockId(node), message: portalMessage('unknownElementType', { label: formatMessage(block.label), type: block.elementType }) });
      }
    }
    const limit = this.options.profile.limits.leadLength;
    if (article.meta.lead.length > limit) details.push({ path: 'meta.lead', message: portalMessage('leadTooLong', { length: article.meta.lead.length, limit }) });
    if (article.meta.ministry && !this.ministries.some((ministry) => ministry.name === article.meta.ministry)) {
      details.push({ path: 'meta.ministry', message: portalMessage('unknownMinistry', { ministry: article.meta.ministry }) });
    }
    if (details.length > 0) throw new PortalFailure(422, 'invalid_content', details.map((detail) => detail.message).join(' '), details);
  }

  /**
   * The ministry an article belongs to after this write: the one its details name, which must be
   * one of the writer's (an admin's: any); without one, the one it had, or the writer's own.
   */
  private ministryOf(user: User, article: Article, existing: ArticleRow | undefined): string | null {
    const named = this.ministries.find((ministry) => ministry.name === article.meta.ministry);
    if (!named) return existing ? existing.ministry : (user.ministries[0] ?? null);
    if (named.id !== existing?.ministry && !mayAccess(user, named.id)) {
      const yours = this.ministries.filter((ministry) => user.ministries.includes(ministry.id)).map((ministry) => ministry.name);
      fail(403, 'forbidden', 'foreignMinistry', { ministry: named.name, yours: yours.join(', ') || '–' });
    }
    return named.id;
  }

  /**
   * Articles without a ministry (written before ministries were assigned) belong to the one their
   * current text names, if the profile knows it; the others stay with the admins.
   */
  private assignMinistriesByName(): void {
    const rows = this.db
      .prepare<[], { id: string; name: string | null }>(
        `SELECT a.id, json_extract(r.content, '$.meta.ministry') AS name FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.revision WHERE a.ministry IS NULL`,
      )
      .all();
    const assign = this.db.prepare('UPDATE articles SET ministry = ? WHERE id = ?');
    for (const row of rows) {
      const ministry = this.ministries.find((candidate) => candidate.name === row.name);
      if (ministry) assign.run(ministry.id, row.id);
    }
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

/** The columns of a comment, named as the Portal API names them. */
const commentColumns = 'id, article_id AS articleId, block_id AS blockId, revision, text, author, created_at AS createdAt, resolved_by AS resolvedBy, resolved_at AS resolvedAt';

function blockId(node: { attrs?: Record<string, unknown> | undefined }): string {
  return typeof node.attrs?.id === 'string' ? node.attrs.id : '';
}
