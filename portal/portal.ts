import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { articleSchema, type Article } from '../common/article.js';
import { berlinToInstant, formatBerlinLocal } from '../common/berlin-time.js';
import { blockOfNode } from '../common/blocks/catalog.js';
import { captionTypes, downloadTypes, imageTypes, videoTypes } from '../common/blocks/editor-fields.js';
import { documentProblem } from '../common/blocks/validate-document.js';
import { checkArticle } from '../common/checks/rules.js';
import { canonicalJson } from '../common/canonical-json.js';
import { formatMessage } from '../common/messages/index.js';
import { formatFileSize } from '../common/media.js';
import type { ArticleStatus, Comment, HistoryEntry, PortalArticle, PortalErrorCode, Profile, Role, Session, TransitionRequest } from '../common/portal-api.js';
import { openPortalDatabase, type PortalDatabase } from './database.js';
import { portalMessage, type PortalMessage } from './messages.js';
import { buildProfile, type ProfileConfig } from './profile.js';

/** An answer other than success: HTTP status, stable code, German message; maybe a body of its own (412). */
export class PortalFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: PortalErrorCode,
    message: string,
    readonly details?: Array<{ blockId?: string; path?: string; message: string }>,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'PortalFailure';
  }
}

function fail(status: number, code: PortalErrorCode, key: PortalMessage, params: Record<string, string | number> = {}, details?: PortalFailure['details']): never {
  throw new PortalFailure(status, code, portalMessage(key, params), details);
}

export interface User {
  name: string;
  role: Role;
}

interface ArticleRow {
  id: string;
  revision: number;
  status: ArticleStatus;
  slug: string | null;
  approved_revision: number | null;
  approved_by: string | null;
  published_revision: number | null;
  scheduled_at: string | null;
  published_at: string | null;
  corrected_at: string | null;
  withdrawn_at: string | null;
  created_by: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface PortalOptions {
  dataDirectory: string;
  profile: ProfileConfig;
  /** The public address of the website, for article URLs and the feed. */
  baseUrl: string;
  now?: () => Date;
}

const SESSION_MS = 8 * 60 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_ATTEMPTS = 5;
const GENESIS = '0'.repeat(64);
const mediaTypes = [...new Set<string>([...imageTypes, ...videoTypes, ...captionTypes, ...downloadTypes])];

/**
 * The reference portal's rules, whatever the client does: roles, revisions with If-Match,
 * the four-eyes principle, approvals bound to one revision, the embargo, renderable element
 * types, a hash-chained history. The HTTP layer (`server.ts`) only translates.
 */
export class Portal {
  readonly db: PortalDatabase;
  readonly mediaDirectory: string;
  private readonly now: () => Date;
  private readonly failedLogins = new Map<string, number[]>();

  constructor(private readonly options: PortalOptions) {
    mkdirSync(options.dataDirectory, { recursive: true });
    this.db = openPortalDatabase(join(options.dataDirectory, 'portal.sqlite'));
    this.mediaDirectory = join(options.dataDirectory, 'media');
    mkdirSync(this.mediaDirectory, { recursive: true });
    this.now = options.now ?? (() => new Date());
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

  // --- users and sessions ---

  addUser(name: string, role: Role, password: string): void {
    if (!/^[\w.@-]{1,100}$/.test(name)) throw new Error('A user name is 1 to 100 letters, digits, ".", "@", "_" or "-".');
    if (password.length < 8) throw new Error('A password has at least 8 characters.');
    const salt = randomBytes(16);
    const hash = scryptSync(password, salt, 32);
    this.db
      .prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash')
      .run(name, role, `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`, this.stamp());
  }

  /** A bearer token for a user name and password; failed attempts are limited per name and per client. */
  login(name: string, password: string, client: string): Session {
    const now = this.now().getTime();
    for (const key of [`user:${name}`, `client:${client}`]) {
      const recent = (this.failedLogins.get(key) ?? []).filter((at) => now - at < LOGIN_WINDOW_MS);
      this.failedLogins.set(key, recent);
      if (recent.length >= LOGIN_ATTEMPTS) {
        fail(429, 'rate_limited', 'rateLimited', { minutes: Math.ceil((LOGIN_WINDOW_MS - (now - recent[0]!)) / 60_000) });
      }
    }
    const row = this.db.prepare<[string], { name: string; role: Role; password_hash: string }>('SELECT name, role, password_hash FROM users WHERE name = ?').get(name);
    if (!row || !verifyPassword(password, row.password_hash)) {
      for (const key of [`user:${name}`, `client:${client}`]) this.failedLogins.get(key)!.push(now);
      fail(401, 'unauthorized', 'loginFailed');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + SESSION_MS).toISOString();
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(this.stamp());
    this.db.prepare('INSERT INTO sessions (token_hash, user_name, expires_at) VALUES (?, ?, ?)').run(sha256(token), row.name, expiresAt);
    return { token, expiresAt, user: { name: row.name, role: row.role } };
  }

  /** The user a bearer token belongs to, or null if it is unknown or expired. */
  userForToken(token: string): User | null {
    const row = this.db
      .prepare<[string, string], User>('SELECT u.name, u.role FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?')
      .get(sha256(token), this.stamp());
    return row ?? null;
  }

  // --- articles ---

  getArticle(id: string): PortalArticle {
    return this.toResource(this.requireArticle(id));
  }

  listArticles(status: ArticleStatus | undefined, limit: number, offset: number): { items: PortalArticle[]; total: number } {
    const where = status ? 'WHERE status = ?' : '';
    const params = status ? [status] : [];
    const rows = this.db.prepare<unknown[], ArticleRow>(`SELECT * FROM articles ${where} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`).all(...params, limit, offset);
    const total = this.db.prepare<unknown[], number>(`SELECT COUNT(*) FROM articles ${where}`).pluck().get(...params)!;
    return { items: rows.map((row) => this.toResource(row)), total };
  }

  /**
   * Creates the article under the client's id, or stores a new revision of it. An update must
   * name the revision it is based on; a stale one is refused with the current article.
   */
  putArticle(user: User, id: string, article: Article, ifMatch: number | null): { created: boolean; article: PortalArticle } {
    this.validateContent(article);
    const now = this.stamp();
    const content = JSON.stringify(article);
    const existing = this.db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
    if (!existing) {
      this.db.prepare(
        `INSERT INTO articles (id, revision, status, created_by, updated_by, created_at, updated_at) VALUES (?, 1, 'draft', ?, ?, ?, ?)`,
      ).run(id, user.name, user.name, now, now);
      this.insertRevision(id, 1, content, user.name, now);
      this.appendHistory(id, user.name, 'created', 1, null);
      return { created: true, article: this.getArticle(id) };
    }
    if (ifMatch === null) fail(428, 'precondition_required', 'ifMatchRequired');
    if (ifMatch !== existing.revision) {
      throw new PortalFailure(412, 'precondition_failed', portalMessage('stale', { current: existing.revision, based: ifMatch }), undefined, this.toResource(existing));
    }
    const current = this.db.prepare<[string, number], string>('SELECT content FROM revisions WHERE article_id = ? AND number = ?').pluck().get(id, existing.revision)!;
    if (canonicalJson(JSON.parse(current)) === canonicalJson(article)) return { created: false, article: this.toResource(existing) };
    const revision = existing.revision + 1;
    // Any change needs a new approval: an approval, a schedule belong to the revision before.
    this.db.prepare(
      `UPDATE articles SET revision = ?, status = 'draft', approved_revision = NULL, approved_by = NULL, scheduled_at = NULL, updated_by = ?, updated_at = ? WHERE id = ?`,
    ).run(revision, user.name, now, id);
    this.insertRevision(id, revision, content, user.name, now);
    this.appendHistory(id, user.name, 'updated', revision, null);
    return { created: false, article: this.getArticle(id) };
  }

  /** Stores a media file under its hash (idempotent): hash, type by content and size limit checked. */
  async putMedia(user: User, hash: string, data: Uint8Array): Promise<{ created: boolean; sha256: string; mimeType: string; size: number }> {
    if (sha256(data) !== hash) fail(422, 'invalid_content', 'mediaHashMismatch');
    const existing = this.db.prepare<[string], { mime_type: string; size: number }>('SELECT mime_type, size FROM media WHERE sha256 = ?').get(hash);
    if (existing && existsSync(this.mediaPath(hash))) return { created: false, sha256: hash, mimeType: existing.mime_type, size: existing.size };
    const type = (await fileTypeFromBuffer(data))?.mime ?? (looksLikeVtt(data) ? 'text/vtt' : 'unbekannt');
    if (!mediaTypes.includes(type)) fail(415, 'unsupported_media_type', 'mediaType', { type });
    const limits = this.options.profile.limits;
    const limit = type.startsWith('image/') ? limits.image : type.startsWith('video/') ? limits.video : type === 'text/vtt' ? limits.captions : limits.document;
    if (data.byteLength > limit) fail(413, 'too_large', 'mediaTooLarge', { size: formatFileSize(data.byteLength), limit: formatFileSize(limit) });
    const path = this.mediaPath(hash);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
    writeFileSync(temporary, data, { flush: true });
    renameSync(temporary, path);
    this.db.prepare('INSERT OR IGNORE INTO media (sha256, mime_type, size, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, type, data.byteLength, user.name, this.stamp());
    return { created: true, sha256: hash, mimeType: type, size: data.byteLength };
  }

  mediaFile(hash: string): { path: string; mimeType: string; size: number } | null {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const row = this.db.prepare<[string], { mime_type: string; size: number }>('SELECT mime_type, size FROM media WHERE sha256 = ?').get(hash);
    return row && existsSync(this.mediaPath(hash)) ? { path: this.mediaPath(hash), mimeType: row.mime_type, size: row.size } : null;
  }

  /** Whether a live (published, not withdrawn) release uses the file: only those are public. */
  isPublicMedia(hash: string): boolean {
    return (
      this.db
        .prepare<[string], number>(
          `SELECT 1 FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.published_revision
           WHERE a.withdrawn_at IS NULL AND instr(r.content, ?) > 0 LIMIT 1`,
        )
        .pluck()
        .get(`"sha256":"${hash}"`) === 1
    );
  }

  // --- workflow ---

  transition(user: User, id: string, request: TransitionRequest): PortalArticle {
    const row = this.requireArticle(id);
    const { action, revision } = request;
    if (revision !== row.revision) fail(409, 'conflict', 'staleTransition', { requested: revision, current: row.revision });
    const wrongState = () => fail(409, 'conflict', 'wrongState', { action, status: statusLabel(row.status) });
    const requireRole = (...allowed: Role[]) => {
      if (!allowed.includes(user.role)) fail(403, 'forbidden', 'forbiddenRole', { role: user.role });
    };
    const reason = request.reason?.trim() || null;
    const now = this.stamp();
    const set = (columns: Partial<ArticleRow>) => {
      const entries = Object.entries({ ...columns, updated_by: user.name, updated_at: now });
      this.db.prepare(`UPDATE articles SET ${entries.map(([key]) => `${key} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, value]) => value), id);
    };
    // The same checks as the editor: errors stop submit and publish unless an approver overrides them.
    let overridden: string | null = null;
    if (action === 'submit' || action === 'publish' || action === 'correct') {
      const article = this.revisionContent(id, revision);
      const errors = checkArticle(article, { profile: this.profile(), now: this.now() }).filter(
        (finding) => finding.severity === 'error' && finding.ruleId !== 'preflight.renderable' && !(action !== 'submit' && finding.ruleId === 'preflight.embargoPast'),
      );
      if (errors.length > 0) {
        if (!request.override) {
          throw new PortalFailure(422, 'invalid_content', portalMessage('checksFailed', { count: errors.length }), errors.map((finding) => ({ ...(finding.blockId ? { blockId: finding.blockId } : {}), path: finding.ruleId, message: finding.message })));
        }
        if (user.role !== 'approver' && user.role !== 'admin') fail(403, 'forbidden', 'overrideRole');
        overridden = `${request.override.trim()} [${[...new Set(errors.map((finding) => finding.ruleId))].join(', ')}]`;
      }
    }
    switch (action) {
      case 'submit':
        if (row.status !== 'draft' && row.status !== 'changes_requested') wrongState();
        set({ status: 'in_review' });
        break;
      case 'request_changes':
        requireRole('approver', 'admin');
        if (row.status !== 'in_review') wrongState();
        set({ status: 'changes_requested' });
        break;
      case 'approve': {
        requireRole('approver', 'admin');
        if (row.status !== 'in_review') wrongState();
        const wroteIt = this.db.prepare<[string, string], number>('SELECT 1 FROM revisions WHERE article_id = ? AND author = ? LIMIT 1').pluck().get(id, user.name);
        if (wroteIt === 1 || row.created_by === user.name) fail(403, 'forbidden', 'fourEyes');
        set({ status: 'approved', approved_revision: revision, approved_by: user.name });
        break;
      }
      case 'publish':
      case 'correct': {
        if (row.status !== 'approved' || row.approved_revision !== revision) {
          if (row.status === 'approved') fail(409, 'conflict', 'notApproved', { revision });
          wrongState();
        }
        if (action === 'publish' && row.published_revision !== null) fail(409, 'conflict', 'useCorrect');
        if (action === 'correct' && row.published_revision === null) fail(409, 'conflict', 'neverPublished');
        if (action === 'correct' && !reason) fail(422, 'invalid_content', 'reasonRequired');
        const article = this.revisionContent(id, revision);
        this.assertRenderable(article);
        const at = request.at ? new Date(request.at) : this.now();
        const embargo = article.meta.embargo ? berlinToInstant(article.meta.embargo) : null;
        if (embargo && at.getTime() < embargo.getTime()) fail(422, 'invalid_content', 'beforeEmbargo', { embargo: formatBerlinLocal(article.meta.embargo) });
        if (request.at && at.getTime() > this.now().getTime()) {
          set({ status: 'scheduled', scheduled_at: at.toISOString() });
        } else if (request.at && this.now().getTime() - at.getTime() > 60_000) {
          fail(422, 'invalid_content', 'scheduleInPast');
        } else {
          this.goLive(row, revision, action === 'correct', now, user.name);
        }
        break;
      }
      case 'withdraw':
        requireRole('approver', 'admin');
        if (row.status !== 'published' && row.status !== 'scheduled') wrongState();
        if (!reason) fail(422, 'invalid_content', 'reasonRequired');
        set({ status: 'withdrawn', scheduled_at: null, withdrawn_at: row.status === 'published' ? now : null });
        break;
    }
    if (overridden) this.appendHistory(id, user.name, 'override', revision, overridden);
    this.appendHistory(id, user.name, action === 'publish' && request.at && new Date(request.at) > this.now() ? 'schedule' : action, revision, reason);
    return this.getArticle(id);
  }

  /** Publishes every scheduled article whose time has come; run every few seconds and at start. */
  runScheduler(): string[] {
    const due = this.db.prepare<[string], ArticleRow>(`SELECT * FROM articles WHERE status = 'scheduled' AND scheduled_at <= ?`).all(this.stamp());
    const published: string[] = [];
    for (const row of due) {
      this.db.transaction(() => {
        const article = this.revisionContent(row.id, row.approved_revision!);
        const embargo = article.meta.embargo ? berlinToInstant(article.meta.embargo).getTime() : 0;
        // The embargo is checked again: nothing goes live before it, whatever was scheduled.
        if (embargo > this.now().getTime()) return;
        if (this.unrenderableBlocks(article).length > 0) {
          this.db.prepare(`UPDATE articles SET status = 'approved', scheduled_at = NULL WHERE id = ?`).run(row.id);
          this.appendHistory(row.id, 'system', 'schedule_failed', row.revision, this.unrenderableBlocks(article).map((block) => block.message).join(' '));
          return;
        }
        this.goLive(row, row.approved_revision!, row.published_revision !== null, this.stamp(), 'system');
        this.appendHistory(row.id, 'system', 'published', row.approved_revision!, null);
        published.push(row.id);
      })();
    }
    return published;
  }

  // --- comments ---

  listComments(id: string): Comment[] {
    this.requireArticle(id);
    return this.db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE article_id = ? ORDER BY created_at, id').all(id).map(toComment);
  }

  addComment(user: User, id: string, blockId: string, revision: number, text: string): Comment {
    const row = this.requireArticle(id);
    if (revision < 1 || revision > row.revision) fail(422, 'invalid_content', 'unknownBlock', { blockId, revision });
    const article = this.revisionContent(id, revision);
    if (!article.body.content.some((node) => node.attrs?.id === blockId)) fail(422, 'invalid_content', 'unknownBlock', { blockId, revision });
    const commentId = randomUUID();
    this.db
      .prepare('INSERT INTO comments (id, article_id, block_id, revision, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(commentId, id, blockId, revision, text, user.name, this.stamp());
    this.appendHistory(id, user.name, 'comment', revision, null);
    return toComment(this.db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?').get(commentId)!);
  }

  resolveComment(user: User, id: string, commentId: string): Comment {
    this.requireArticle(id);
    const row = this.db.prepare<[string, string], CommentRow>('SELECT * FROM comments WHERE id = ? AND article_id = ?').get(commentId, id);
    if (!row) fail(404, 'not_found', 'commentNotFound');
    if (row.resolved_at === null) {
      this.db.prepare('UPDATE comments SET resolved_by = ?, resolved_at = ? WHERE id = ?').run(user.name, this.stamp(), commentId);
      this.appendHistory(id, user.name, 'comment_resolved', row.revision, null);
    }
    return toComment(this.db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?').get(commentId)!);
  }

  // --- history ---

  history(id: string): HistoryEntry[] {
    this.requireArticle(id);
    return this.db.prepare<[string], HistoryRow>('SELECT * FROM history WHERE article_id = ? ORDER BY seq').all(id).map(toHistoryEntry);
  }

  /** Walks the whole chain: every entry's hash and its link to the one before. */
  verifyHistory(): { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string } {
    let previous = GENESIS;
    let count = 0;
    for (const row of this.db.prepare<[], HistoryRow>('SELECT * FROM history ORDER BY seq').iterate()) {
      count++;
      const entry = toHistoryEntry(row);
      if (entry.previousHash !== previous) return { ok: false, entries: count, brokenAt: entry.seq, reason: 'link to the previous entry does not match' };
      if (hashEntry(entry) !== entry.hash) return { ok: false, entries: count, brokenAt: entry.seq, reason: 'content does not match its hash' };
      previous = entry.hash;
    }
    return { ok: true, entries: count };
  }

  // --- website ---

  publishedPage(limit: number, offset: number): { items: Array<{ row: ArticleRow; article: Article }>; total: number } {
    const rows = this.db
      .prepare<[number, number], ArticleRow>('SELECT * FROM articles WHERE published_revision IS NOT NULL AND withdrawn_at IS NULL ORDER BY published_at DESC, id LIMIT ? OFFSET ?')
      .all(limit, offset);
    const total = this.db.prepare<[], number>('SELECT COUNT(*) FROM articles WHERE published_revision IS NOT NULL AND withdrawn_at IS NULL').pluck().get()!;
    return { items: rows.map((row) => ({ row, article: this.revisionContent(row.id, row.published_revision!) })), total };
  }

  publishedBySlug(slug: string): { row: ArticleRow; article: Article } | 'gone' | null {
    const row = this.db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE slug = ?').get(slug);
    if (!row || row.published_revision === null) return null;
    if (row.withdrawn_at !== null) return 'gone';
    return { row, article: this.revisionContent(row.id, row.published_revision) };
  }

  // --- internals ---

  private goLive(row: ArticleRow, revision: number, correction: boolean, now: string, actor: string): void {
    const article = this.revisionContent(row.id, revision);
    const slug = row.slug ?? `${slugify(article.meta.title)}-${row.id.slice(0, 8)}`;
    this.db
      .prepare(
        `UPDATE articles SET status = 'published', published_revision = ?, slug = ?, scheduled_at = NULL, withdrawn_at = NULL,
           published_at = COALESCE(published_at, ?), corrected_at = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
      )
      .run(revision, slug, now, correction ? now : row.corrected_at, actor, now, row.id);
  }

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
    if (article.meta.ministry && !this.options.profile.ministries.includes(article.meta.ministry)) {
      details.push({ path: 'meta.ministry', message: portalMessage('unknownMinistry', { ministry: article.meta.ministry }) });
    }
    if (details.length > 0) throw new PortalFailure(422, 'invalid_content', details.map((detail) => detail.message).join(' '), details);
  }

  private unrenderableBlocks(article: Article): Array<{ blockId: string; message: string }> {
    const renderable = new Map(this.options.profile.elementTypes.map((type) => [type.name, type.renderable]));
    return article.body.content.flatMap((node) => {
      const block = blockOfNode(node.type);
      if (!block || renderable.get(block.elementType) === true) return [];
      return [{ blockId: blockId(node), message: portalMessage('notRenderable', { label: formatMessage(block.label), type: block.elementType }) }];
    });
  }

  private assertRenderable(article: Article): void {
    const blocks = this.unrenderableBlocks(article);
    if (blocks.length > 0) throw new PortalFailure(422, 'invalid_content', blocks.map((block) => block.message).join(' '), blocks);
  }

  private insertRevision(id: string, number: number, content: string, author: string, at: string): void {
    this.db.prepare('INSERT INTO revisions (article_id, number, content, author, created_at) VALUES (?, ?, ?, ?, ?)').run(id, number, content, author, at);
  }

  private revisionContent(id: string, revision: number): Article {
    const content = this.db.prepare<[string, number], string>('SELECT content FROM revisions WHERE article_id = ? AND number = ?').pluck().get(id, revision);
    if (content === undefined) fail(404, 'not_found', 'notFound');
    return articleSchema.parse(JSON.parse(content));
  }

  private requireArticle(id: string): ArticleRow {
    const row = this.db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
    if (!row) fail(404, 'not_found', 'articleNotFound');
    return row;
  }

  private appendHistory(articleId: string, actor: string, action: string, revision: number, reason: string | null): void {
    const last = this.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1').get();
    const entry = { seq: (last?.seq ?? 0) + 1, articleId, at: this.stamp(), actor, action, revision, reason, previousHash: last?.hash ?? GENESIS };
    this.db
      .prepare('INSERT INTO history (seq, article_id, at, actor, action, revision, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.seq, articleId, entry.at, actor, action, revision, reason, entry.previousHash, hashEntry(entry));
  }

  private toResource(row: ArticleRow): PortalArticle {
    return {
      id: row.id,
      revision: row.revision,
      status: row.status,
      article: this.revisionContent(row.id, row.revision),
      approvedRevision: row.approved_revision,
      publishedRevision: row.published_revision,
      scheduledAt: row.scheduled_at,
      publishedAt: row.published_at,
      correctedAt: row.corrected_at,
      url: row.slug && row.published_revision !== null ? `${this.options.baseUrl}/presse/${row.slug}` : null,
      createdBy: row.created_by,
      updatedBy: row.updated_by,
      authors: this.db.prepare<[string], string>('SELECT DISTINCT author FROM revisions WHERE article_id = ? ORDER BY author').pluck().all(row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private mediaPath(hash: string): string {
    return join(this.mediaDirectory, hash);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

interface CommentRow {
  id: string;
  article_id: string;
  block_id: string;
  revision: number;
  text: string;
  author: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

interface HistoryRow {
  seq: number;
  article_id: string;
  at: string;
  actor: string;
  action: string;
  revision: number;
  reason: string | null;
  previous_hash: string;
  hash: string;
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    blockId: row.block_id,
    revision: row.revision,
    text: row.text,
    author: row.author,
    createdAt: row.created_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    seq: row.seq,
    articleId: row.article_id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    revision: row.revision,
    reason: row.reason,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** The hash of a history entry: its fields and the hash of the entry before, canonically. */
export function hashEntry(entry: Omit<HistoryEntry, 'hash'>): string {
  const { seq, articleId, at, actor, action, revision, reason, previousHash } = entry;
  return sha256(canonicalJson({ seq, articleId, at, actor, action, revision, reason, previousHash }));
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

function blockId(node: { attrs?: Record<string, unknown> | undefined }): string {
  return typeof node.attrs?.id === 'string' ? node.attrs.id : '';
}

function looksLikeVtt(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 10)).toString('utf8').replace(/^\uFEFF/, '').startsWith('WEBVTT');
}

const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Entwurf',
  in_review: 'In Prüfung',
  changes_requested: 'Änderungen erbeten',
  approved: 'Freigegeben',
  scheduled: 'Geplant',
  published: 'Veröffentlicht',
  withdrawn: 'Zurückgezogen',
};

function statusLabel(status: ArticleStatus): string {
  return statusLabels[status];
}

/** A readable, stable address part from a title. */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9\s-]/g, '')
      .trim()
      .replace(/[\s-]+/g, '-')
      .slice(0, 80)
      .replace(/-+$/, '') || 'medieninformation'
  );
}
