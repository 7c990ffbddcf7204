import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { articleSchema, type Article } from '../../common/article.js';
import { canonicalJson } from '../../common/canonical-json.js';
import { collectMediaRefs, mediaSizeLimit, type MediaRef } from '../../common/media.js';
import { formatMessage } from '../../common/messages/index.js';
import type { MediaStore } from './media-store.js';
import { berlinToInstant, formatBerlinLocal } from '../../common/berlin-time.js';
import { transitionRequestSchema, type ArticleStatus, type Comment, type PortalArticle, type Profile, type TransitionRequest } from '../../common/portal-api.js';
import { Failure } from '../../common/result.js';
import { durably, type SqliteDatabase } from './database.js';
import { Emitter } from './disposable.js';
import type { CredentialVault } from './credentials.js';
import type { DraftStore } from './draft-store.js';
import type { HistoryStore } from './history-store.js';
import { PortalClient, PortalError, PortalUnreachable, portalBaseUrl } from './portal-client.js';

export interface PortalStatus {
  connected: boolean;
  url: string | null;
  username: string | null;
  role: string | null;
  portalName: string | null;
  /** False after a delivery found the portal unreachable, until one succeeds. */
  online: boolean;
  /** Actions waiting in the outbox, over all releases. */
  pending: number;
  /** The portal refused the token: sign in again (nothing queued is lost). */
  signInRequired: boolean;
  /** How a sign-in outlives a restart: encrypted by the system, on request in a file, or not at all. */
  keepSignIn: 'os' | 'file' | null;
  /** Whether the current sign-in is kept that way. */
  kept: boolean;
}

export interface ReleaseSyncState {
  portalStatus: ArticleStatus | null;
  portalRevision: number | null;
  /** The revision that is live (or was, before a withdrawal); a new one goes live by "Korrigieren". */
  publishedRevision: number | null;
  url: string | null;
  pending: number;
  /** Why the last action for this release was refused, in the portal's words. */
  problem: string | null;
  conflict: { portalRevision: number; updatedBy: string; article: Article } | null;
}

/** A release from the review inbox, as the portal holds it. */
export interface PortalCopy {
  id: string;
  revision: number;
  status: ArticleStatus;
  article: Article;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
  /** False when the person wrote a revision of it (four eyes): they may read it, not approve it. */
  mayApprove: boolean;
  /** The public address, once published. */
  url: string | null;
}

/** How often the person's releases and the review inbox are fetched while signed in. */
const PULL_INTERVAL_MS = 30_000;

interface OutboxRow {
  id: number;
  article_id: string;
  action: 'upload' | 'save' | 'submit' | 'transition' | 'comment' | 'resolve';
  payload: string;
  idempotency_key: string;
  attempts: number;
}

/** Waits between attempts while the portal is unreachable: 1 s doubling to 5 min, with jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random() / 2));
}

/**
 * Everything meant for the portal goes through a durable outbox: written locally first (at
 * synchronous=FULL), ordered per release, each action with its own Idempotency-Key, delivered
 * when the portal is reachable and retried with backoff. A retry after a lost answer repeats the
 * same key, so the portal answers with the first result instead of acting twice.
 */
export class SyncEngine {
  readonly changes = new Emitter<{ id: string | null }>();
  private client: PortalClient | null = null;
  private session: { username: string; role: string; portalName: string } | null = null;
  private online = true;
  private signInRequired = false;
  private kept = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pullTimer: ReturnType<typeof setInterval> | null = null;
  private delivering = false;
  private disposed = false;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly drafts: DraftStore,
    private readonly history: HistoryStore,
    private readonly now: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
    /** Where the files a release uses come from, for uploading them before its text. */
    private readonly media: MediaStore | null = null,
    /** Where a sign-in is kept between starts (see `credentials.ts`); null: memory only. */
    private readonly vault: CredentialVault | null = null,
  ) {}

  /**
   * "Anmelden": signs in, caches the profile, and starts delivering what waits. The sign-in is
   * kept for the next start when the vault encrypts (Electron) or the person asks for it (`keep`).
   */
  async connect(address: string, username: string, password: string, keep = false): Promise<PortalStatus> {
    const baseUrl = portalBaseUrl(address);
    const anonymous = new PortalClient(baseUrl);
    let session;
    try {
      session = await anonymous.login(username, password);
    } catch (error) {
      if (error instanceof PortalError) throw new Failure(error.status === 429 ? 'conflict' : 'unauthorized', 'portal.refused', { message: error.message });
      throw new Failure('unreachable', 'portal.unreachable', { url: baseUrl });
    }
    const client = anonymous.withToken(session.token);
    const profile: Profile = await client.profile().catch(() => {
      throw new Failure('unreachable', 'portal.unreachable', { url: baseUrl });
    });
    this.client = client;
    this.session = { username: session.user.name, role: session.user.role, portalName: profile.portal.name };
    this.online = true;
    this.signInRequired = false;
    this.kept = false;
    if (this.vault && (this.vault.kind === 'os' || keep)) {
      this.vault.write({ url: baseUrl, ...this.session, token: session.token, expiresAt: session.expiresAt });
      this.kept = true;
    } else this.vault?.clear();
    this.db.transaction(() => {
      this.saveSetting('portal.url', baseUrl);
      this.saveSetting('portal.username', session.user.name);
      this.saveSetting('portal.profile', JSON.stringify(profile));
    })();
    this.changes.emit({ id: null });
    await this.start();
    return this.status();
  }

  /**
   * At start: a kept sign-in that has not expired is taken up again without asking. Offline, it
   * waits like any sign-in; a token the portal no longer accepts asks for a new sign-in.
   */
  async resume(): Promise<void> {
    const kept = this.vault?.read() ?? null;
    if (!kept || this.client) return;
    if (Date.parse(kept.expiresAt) <= this.now().getTime()) {
      this.vault!.clear();
      this.signInRequired = true;
      this.changes.emit({ id: null });
      return;
    }
    const client = new PortalClient(kept.url).withToken(kept.token);
    this.client = client;
    this.session = { username: kept.username, role: kept.role, portalName: kept.portalName };
    this.kept = true;
    // The profile is refreshed on each connection, a resumed one too (offline: the cached one stays).
    try {
      const profile = await client.profile();
      if (this.disposed) return;
      this.saveSetting('portal.profile', JSON.stringify(profile));
      this.session.portalName = profile.portal.name;
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof PortalError && error.status === 401) {
        this.tokenRefused();
        this.changes.emit({ id: null });
        return;
      }
      if (error instanceof PortalUnreachable) this.online = false;
    }
    await this.start();
  }

  private async start(): Promise<void> {
    this.kick(0);
    await this.pull();
    if (this.disposed) return;
    if (this.pullTimer !== null) clearInterval(this.pullTimer);
    this.pullTimer = setInterval(() => void this.pull(), PULL_INTERVAL_MS);
    this.pullTimer.unref?.();
  }

  private localArticle(id: string): Article | null {
    try {
      return this.drafts.get(id).article;
    } catch {
      return null;
    }
  }

  /** Keeps the portal's version of a release beside the local one, for the person to decide. */
  private recordConflict(current: PortalArticle): void {
    this.db
      .prepare(
        `INSERT INTO conflicts (article_id, portal_revision, portal_content, portal_updated_by, detected_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_content = excluded.portal_content, portal_updated_by = excluded.portal_updated_by, detected_at = excluded.detected_at`,
      )
      .run(current.id, current.revision, JSON.stringify(current.article), current.updatedBy, this.now().toISOString());
  }

  private saveSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The token was refused: queued actions stay until the next sign-in; a kept sign-in is forgotten. */
  private tokenRefused(): void {
    this.client = null;
    this.signInRequired = true;
    this.kept = false;
    this.vault?.clear();
    if (this.pullTimer !== null) clearInterval(this.pullTimer);
    this.pullTimer = null;
  }

  /**
   * Fetches what changed on the portal: the status of the person's releases and, for approvers,
   * the review inbox with its texts, so that a review can be read and written offline.
   * A release's base revision is not moved: a change someone else made shows up as a conflict
   * at the next save, never as a silent overwrite.
   */
  async pull(): Promise<void> {
    const client = this.client;
    if (!client || !this.session) return;
    let items: PortalArticle[];
    try {
      items = (await client.listArticles()).items;
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof PortalUnreachable) this.online = false;
      else if (error instanceof PortalError && error.status === 401) this.tokenRefused();
      this.changes.emit({ id: null });
      return;
    }
    // Closed meanwhile: the database is gone; the next start fetches again.
    if (this.disposed) return;
    this.online = true;
    const me = this.session.username;
    const reviewer = this.session.role === 'approver' || this.session.role === 'admin';
    const now = this.now().toISOString();
    this.db.transaction(() => {
      const updateOwn = this.db.prepare(
        'UPDATE sync_state SET portal_status = ?, portal_url = ?, published_revision = ?, portal_content = ?, portal_content_revision = ?, updated_at = ? WHERE article_id = ?',
      );
      const upsertCopy = this.db.prepare(
        `INSERT INTO portal_copies (article_id, revision, status, content, created_by, updated_by, authors, updated_at, fetched_at, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET revision = excluded.revision, status = excluded.status, content = excluded.content,
           created_by = excluded.created_by, updated_by = excluded.updated_by, authors = excluded.authors, updated_at = excluded.updated_at,
           fetched_at = excluded.fetched_at, url = excluded.url`,
      );
      const baseOf = this.db.prepare<[string], number | null>('SELECT portal_revision FROM sync_state WHERE article_id = ?').pluck();
      const undecided = this.db
        .prepare<[string, string], number>("SELECT (SELECT COUNT(*) FROM conflicts WHERE article_id = ?) + (SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending')")
        .pluck();
      // For approvers: the review inbox, and the live releases of others (to withdraw them).
      const kept = new Set<string>();
      for (const item of items) {
        updateOwn.run(item.status, item.url, item.publishedRevision, JSON.stringify(item.article), item.revision, now, item.id);
        // Someone else stored a newer revision of one of the person's releases: shown as a
        // conflict now, not only at the next save; the local text is not touched.
        const base = baseOf.get(item.id);
        if (base !== null && base !== undefined && item.revision > base && item.updatedBy !== me && undecided.get(item.id, item.id) === 0) {
          const local = this.localArticle(item.id);
          if (local && canonicalJson(local) === canonicalJson(item.article)) {
            this.db.prepare('UPDATE sync_state SET portal_revision = ? WHERE article_id = ?').run(item.revision, item.id);
          } else if (local) this.recordConflict(item);
        }
        if (reviewer && item.createdBy !== me && (item.status === 'in_review' || item.status === 'published' || item.status === 'scheduled')) {
          upsertCopy.run(item.id, item.revision, item.status, JSON.stringify(item.article), item.createdBy, item.updatedBy, JSON.stringify(item.authors), item.updatedAt, now, item.url);
          kept.add(item.id);
        }
      }
      // Reviewed or withdrawn elsewhere meanwhile: gone from the lists (unless an action on it still waits here).
      for (const id of this.db.prepare<[], string>('SELECT article_id FROM portal_copies').pluck().all()) {
        const waiting = this.db.prepare<[string], number>("SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending'").pluck().get(id)!;
        if (!kept.has(id) && waiting === 0) this.db.prepare('DELETE FROM portal_copies WHERE article_id = ?').run(id);
      }
    })();
    // Review comments of the person's releases and of the inbox, to read (and answer) offline.
    const withComments = this.db.prepare<[], string>('SELECT article_id FROM sync_state UNION SELECT article_id FROM portal_copies').pluck().all();
    for (const id of withComments) {
      try {
        const comments = await client.listComments(id);
        if (this.disposed) return;
        this.storeComments(id, comments);
      } catch {
        // Unreachable or gone: what is stored stays.
      }
    }
    await this.fetchReviewMedia(client);
    if (this.disposed) return;
    this.changes.emit({ id: null });
  }

  /**
   * The files of the releases in the review inbox (their images, posters, captions), into the
   * local media store, so that a review shows them, offline too. Each is checked against its
   * hash and by its content before it is stored; one that fails is left out and tried again later.
   */
  private async fetchReviewMedia(client: PortalClient): Promise<void> {
    const media = this.media;
    if (!media) return;
    const refs = new Map<string, MediaRef>();
    for (const content of this.db.prepare<[], string>('SELECT content FROM portal_copies').pluck().all()) collectMediaRefs(JSON.parse(content), refs);
    for (const ref of refs.values()) {
      if (this.disposed) return;
      if (media.file(ref.sha256)) continue;
      try {
        const data = await client.getMedia(ref.sha256, mediaSizeLimit(ref.mimeType));
        if (this.disposed) return;
        // Trusted by content: the hash it was asked for, and the type and size it says it has.
        const checked = await media.check(ref.name, data, [ref.mimeType]);
        if (this.disposed) return;
        if (checked.sha256 === ref.sha256) media.store(checked, data);
      } catch (error) {
        if (error instanceof PortalUnreachable) return;
        // Refused, too large, of another type than the release says: not stored.
      }
    }
  }

  private storeComments(id: string, comments: Comment[]): void {
    const insert = this.db.prepare(
      `INSERT INTO portal_comments (id, article_id, block_id, revision, text, author, created_at, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
    );
    this.db.transaction(() => {
      for (const comment of comments) insert.run(comment.id, id, comment.blockId, comment.revision, comment.text, comment.author, comment.createdAt, comment.resolvedBy, comment.resolvedAt);
    })();
  }

  /** The review comments of a release, oldest first, as last fetched or sent. */
  comments(id: string): Comment[] {
    return this.db
      .prepare<[string], { id: string; article_id: string; block_id: string; revision: number; text: string; author: string; created_at: string; resolved_by: string | null; resolved_at: string | null }>(
        'SELECT * FROM portal_comments WHERE article_id = ? ORDER BY created_at, id',
      )
      .all(id)
      .map((row) => ({ id: row.id, articleId: row.article_id, blockId: row.block_id, revision: row.revision, text: row.text, author: row.author, createdAt: row.created_at, resolvedBy: row.resolved_by, resolvedAt: row.resolved_at }));
  }

  /** A comment on one block of one revision (or an answer to one): through the outbox. */
  comment(id: string, blockId: string, revision: number, text: string): void {
    this.enqueue(id, 'comment', { blockId, revision, text });
  }

  /** "Erledigt": a comment resolved, through the outbox. */
  resolveComment(id: string, commentId: string): void {
    this.enqueue(id, 'resolve', { commentId });
  }

  /** For the list: each release's portal status and how many of its actions wait in the outbox. */
  overview(): Array<{ id: string; portalStatus: ArticleStatus | null; pending: number }> {
    return this.db
      .prepare<[], { id: string; portal_status: ArticleStatus | null; pending: number }>(
        `SELECT ids.id, s.portal_status, (SELECT COUNT(*) FROM outbox o WHERE o.article_id = ids.id AND o.state = 'pending') AS pending
         FROM (SELECT article_id AS id FROM sync_state UNION SELECT article_id FROM outbox WHERE state = 'pending') ids
         LEFT JOIN sync_state s ON s.article_id = ids.id`,
      )
      .all()
      .map((row) => ({ id: row.id, portalStatus: row.portal_status, pending: row.pending }));
  }

  /** "Zur Prüfung": releases others submitted, as last fetched. */
  inbox(): PortalCopy[] {
    return this.copies("status = 'in_review'");
  }

  /** For approvers: the published and scheduled releases of others, as last fetched. */
  live(): PortalCopy[] {
    return this.copies("status IN ('published', 'scheduled')");
  }

  private copies(where: string): PortalCopy[] {
    const me = this.session?.username ?? this.status().username ?? '';
    return this.db
      .prepare<[], { article_id: string; revision: number; status: ArticleStatus; content: string; created_by: string; updated_by: string; authors: string; updated_at: string; url: string | null }>(
        `SELECT * FROM portal_copies WHERE ${where} ORDER BY updated_at DESC`,
      )
      .all()
      .map((row) => ({
        url: row.url,
        id: row.article_id,
        revision: row.revision,
        status: row.status,
        article: articleSchema.parse(JSON.parse(row.content)),
        createdBy: row.created_by,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
        mayApprove: row.created_by !== me && !(JSON.parse(row.authors) as string[]).includes(me),
      }));
  }

  /**
   * "Freigeben" or "Änderungen erbitten" for exactly the revision shown. Nobody approves a
   * revision they wrote or changed: the app says so before the portal would.
   */
  review(id: string, action: 'approve' | 'request_changes', revision: number): ReleaseSyncState {
    const copy = this.db.prepare<[string], { created_by: string; authors: string; revision: number }>('SELECT created_by, authors, revision FROM portal_copies WHERE article_id = ?').get(id);
    if (!copy) throw new Failure('not_found', 'sync.notInInbox');
    const me = this.session?.username ?? this.status().username;
    const authors = JSON.parse(copy.authors) as string[];
    if (action === 'approve' && (copy.created_by === me || authors.includes(me ?? ''))) throw new Failure('forbidden', 'sync.ownRevision');
    this.enqueue(id, 'transition', { action, revision });
    return this.releaseState(id);
  }

  /**
   * "Bearbeiten" in a review: the revision shown becomes the approver's local text of the release
   * (same id), based on that revision. Sent with "Zur Freigabe einreichen", it is a new revision
   * of the approver's, which then needs someone else's approval. Local changes not yet sent are
   * never replaced; an older local text is kept as a revision before the portal's takes its place.
   */
  edit(id: string): { id: string } {
    const copy = this.db.prepare<[string], { revision: number; status: ArticleStatus; content: string }>('SELECT revision, status, content FROM portal_copies WHERE article_id = ?').get(id);
    if (!copy) throw new Failure('not_found', 'sync.notInInbox');
    const article = articleSchema.parse(JSON.parse(copy.content));
    const base = this.db.prepare<[string], number | null>('SELECT portal_revision FROM sync_state WHERE article_id = ?').pluck().get(id);
    const waiting = this.db.prepare<[string], number>("SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending'").pluck().get(id)!;
    let local: ReturnType<DraftStore['get']> | null;
    try {
      local = this.drafts.get(id);
    } catch {
      local = null;
    }
    if (!local) this.drafts.create(article, id);
    else if (waiting === 0 && base !== copy.revision) {
      this.history.checkpoint(id, 'conflict');
      this.drafts.save(id, local.version, article);
    }
    if (local?.deletedAt) this.drafts.restore(id);
    if (waiting === 0 || base === undefined) {
      this.db
        .prepare(
          `INSERT INTO sync_state (article_id, portal_revision, portal_status, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_status = excluded.portal_status, updated_at = excluded.updated_at`,
        )
        .run(id, copy.revision, copy.status, this.now().toISOString());
    }
    this.changes.emit({ id });
    return { id };
  }

  /** "Veröffentlichen": now or at a time, never before the embargo (checked here and by the portal). */
  publish(id: string, at: string | null, override?: string): ReleaseSyncState {
    const { article } = this.drafts.get(id);
    const state = this.releaseState(id);
    if (state.portalStatus !== 'approved' || state.portalRevision === null) throw new Failure('conflict', 'sync.notApproved');
    if (state.publishedRevision !== null) throw new Failure('conflict', 'sync.useCorrect');
    const when = at ? new Date(at) : this.now();
    if (article.meta.embargo && when.getTime() < berlinToInstant(article.meta.embargo).getTime()) {
      throw new Failure('conflict', 'sync.beforeEmbargo', { embargo: formatBerlinLocal(article.meta.embargo) });
    }
    this.enqueue(id, 'transition', { action: 'publish', revision: state.portalRevision, ...(at ? { at: when.toISOString() } : {}), ...(override ? { override } : {}) });
    return this.releaseState(id);
  }

  /**
   * What "Veröffentlichen" or "Korrigieren" would put live: the approved revision as the portal
   * last answered with it. Null unless the release is approved and that text is known.
   */
  publishCandidate(id: string): Article | null {
    const row = this.db
      .prepare<[string], { portal_status: ArticleStatus | null; portal_revision: number | null; portal_content: string | null; portal_content_revision: number | null }>(
        'SELECT portal_status, portal_revision, portal_content, portal_content_revision FROM sync_state WHERE article_id = ?',
      )
      .get(id);
    if (!row || row.portal_status !== 'approved' || row.portal_content === null || row.portal_content_revision !== row.portal_revision) return null;
    return articleSchema.parse(JSON.parse(row.portal_content));
  }

  /** "Korrigieren": a new approved revision of a published release goes live, with a correction note. */
  correct(id: string, reason: string): ReleaseSyncState {
    const state = this.releaseState(id);
    if (state.portalStatus !== 'approved' || state.portalRevision === null || state.publishedRevision === null) throw new Failure('conflict', 'sync.notApproved');
    this.enqueue(id, 'transition', { action: 'correct', revision: state.portalRevision, reason });
    return this.releaseState(id);
  }

  /** "Zurückziehen": takes a published or scheduled release off the portal (approvers), with a reason. */
  withdraw(id: string, reason: string): ReleaseSyncState {
    const state = this.releaseState(id);
    // Someone else's release, from the approver's list of live releases.
    const copy = this.db.prepare<[string], { revision: number; status: ArticleStatus }>('SELECT revision, status FROM portal_copies WHERE article_id = ?').get(id);
    const status = state.portalStatus ?? copy?.status ?? null;
    const revision = state.portalRevision ?? copy?.revision ?? null;
    if ((status !== 'published' && status !== 'scheduled') || revision === null) throw new Failure('conflict', 'sync.notLive');
    this.enqueue(id, 'transition', { action: 'withdraw', revision, reason });
    return this.releaseState(id);
  }

  private enqueue(id: string, action: OutboxRow['action'], payload: unknown): void {
    const now = this.now().toISOString();
    durably(this.db, () => {
      this.db
        .prepare('INSERT INTO outbox (article_id, action, payload, idempotency_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, action, JSON.stringify(payload), randomUUID(), now, now);
    });
    this.changes.emit({ id });
    this.kick(0);
  }

  /** "Abmelden": forgets the token; the outbox stays and goes out after the next sign-in. */
  disconnect(): PortalStatus {
    if (this.pullTimer !== null) clearInterval(this.pullTimer);
    this.pullTimer = null;
    this.client = null;
    this.session = null;
    this.kept = false;
    this.vault?.clear();
    this.changes.emit({ id: null });
    return this.status();
  }

  status(): PortalStatus {
    const setting = (key: string) => this.db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(key) ?? null;
    return {
      connected: this.client !== null,
      url: setting('portal.url'),
      username: this.session?.username ?? setting('portal.username'),
      role: this.session?.role ?? null,
      portalName: this.session?.portalName ?? null,
      online: this.online,
      pending: this.db.prepare<[], number>("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").pluck().get()!,
      signInRequired: this.signInRequired,
      keepSignIn: this.vault?.kind ?? null,
      kept: this.kept,
    };
  }

  /** The portal's profile as cached at the last sign-in. */
  cachedProfile(): Profile | null {
    const value = this.db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get('portal.profile');
    return value ? (JSON.parse(value) as Profile) : null;
  }

  releaseState(id: string): ReleaseSyncState {
    const row = this.db
      .prepare<[string], { portal_revision: number | null; portal_status: ArticleStatus | null; portal_url: string | null; published_revision: number | null }>(
        'SELECT portal_revision, portal_status, portal_url, published_revision FROM sync_state WHERE article_id = ?',
      )
      .get(id);
    const pending = this.db.prepare<[string], number>("SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending'").pluck().get(id)!;
    // A refusal counts until something later for the release went through.
    const problem =
      this.db
        .prepare<[string, string], string | null>(
          `SELECT last_error FROM outbox WHERE article_id = ? AND state = 'failed'
             AND id > COALESCE((SELECT MAX(id) FROM outbox WHERE article_id = ? AND state = 'delivered'), 0)
           ORDER BY id DESC LIMIT 1`,
        )
        .pluck()
        .get(id, id) ?? null;
    return {
      portalStatus: row?.portal_status ?? null,
      portalRevision: row?.portal_revision ?? null,
      publishedRevision: row?.published_revision ?? null,
      url: row?.portal_url ?? null,
      pending,
      problem,
      conflict: this.conflictOf(id),
    };
  }

  private conflictOf(id: string): ReleaseSyncState['conflict'] {
    const row = this.db.prepare<[string], { portal_revision: number; portal_content: string; portal_updated_by: string }>('SELECT portal_revision, portal_content, portal_updated_by FROM conflicts WHERE article_id = ?').get(id);
    return row ? { portalRevision: row.portal_revision, updatedBy: row.portal_updated_by, article: articleSchema.parse(JSON.parse(row.portal_content)) } : null;
  }

  /**
   * Decides a conflict. "portal": the portal's version becomes the local text (what was local
   * stays a revision). "mine": the local text is sent again, now based on the portal's revision,
   * which the portal keeps in its history. Either way nothing is lost.
   */
  resolve(id: string, keep: 'mine' | 'portal'): ReleaseSyncState {
    const conflict = this.conflictOf(id);
    if (!conflict) return this.releaseState(id);
    if (keep === 'portal') {
      this.history.checkpoint(id, 'conflict');
      const draft = this.drafts.get(id);
      this.drafts.save(id, draft.version, conflict.article);
    }
    durably(this.db, () => {
      this.db.prepare('UPDATE sync_state SET portal_revision = ?, updated_at = ? WHERE article_id = ?').run(conflict.portalRevision, this.now().toISOString(), id);
      this.db.prepare('DELETE FROM conflicts WHERE article_id = ?').run(id);
      this.db.prepare("UPDATE outbox SET last_error = NULL WHERE article_id = ? AND state = 'failed'").run(id);
    });
    if (keep === 'mine') this.enqueue(id, 'save', { article: this.drafts.get(id).article });
    this.changes.emit({ id });
    return this.releaseState(id);
  }

  /**
   * "Zur Freigabe einreichen": a revision of the current text, then the text and the submission
   * into the outbox, durably and in this order. Delivery follows as soon as the portal is reachable.
   */
  submit(id: string, override?: string): ReleaseSyncState {
    const draft = this.drafts.get(id);
    this.history.checkpoint(id, 'submit');
    const now = this.now().toISOString();
    const insert = this.db.prepare(
      'INSERT INTO outbox (article_id, action, payload, idempotency_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    durably(this.db, () => {
      // Its files first, so that the portal never holds a text whose images it lacks.
      for (const media of collectMediaRefs(draft.article)) insert.run(id, 'upload', JSON.stringify({ sha256: media.sha256, mimeType: media.mimeType }), randomUUID(), now, now);
      insert.run(id, 'save', JSON.stringify({ article: draft.article }), randomUUID(), now, now);
      insert.run(id, 'submit', JSON.stringify(override ? { override } : {}), randomUUID(), now, now);
    });
    this.changes.emit({ id });
    this.kick(0);
    return this.releaseState(id);
  }

  /** Waits until the outbox has nothing due (for tests and for closing). */
  async idle(): Promise<void> {
    while (this.delivering) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  dispose(): void {
    this.disposed = true;
    if (this.pullTimer !== null) clearInterval(this.pullTimer);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.changes.clear();
  }

  private kick(delay: number): void {
    if (this.disposed || this.client === null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.deliver();
    }, delay);
    this.timer.unref?.();
  }

  /** Delivers due actions one at a time, oldest first; a release's later actions wait for its earlier ones. */
  private async deliver(): Promise<void> {
    if (this.delivering || !this.client || this.disposed) return;
    this.delivering = true;
    try {
      for (;;) {
        const next = this.db
          .prepare<[string], OutboxRow>(
            `SELECT o.id, o.article_id, o.action, o.payload, o.idempotency_key, o.attempts FROM outbox o
             WHERE o.state = 'pending' AND o.next_attempt_at <= ?
               AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.article_id = o.article_id AND e.id < o.id AND e.state = 'pending')
             ORDER BY o.id LIMIT 1`,
          )
          .get(this.now().toISOString());
        if (!next || !this.client) break;
        const outcome = await this.deliverOne(this.client, next);
        if (outcome === 'stop') break;
      }
    } finally {
      this.delivering = false;
    }
    const due = this.db.prepare<[], string>("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").pluck().get();
    if (due) this.kick(Math.max(0, Date.parse(due) - this.now().getTime()));
  }

  private async deliverOne(client: PortalClient, item: OutboxRow): Promise<'next' | 'stop'> {
    const state = this.db.prepare<[string], { portal_revision: number | null }>('SELECT portal_revision FROM sync_state WHERE article_id = ?').get(item.article_id);
    try {
      if (item.action === 'upload') {
        const { sha256, mimeType } = JSON.parse(item.payload) as { sha256: string; mimeType: string };
        const file = this.media?.file(sha256);
        if (!file) throw new PortalError(0, 'missing_file', formatMessage('sync.mediaMissing', { sha256: sha256.slice(0, 12) }));
        await client.putMedia(sha256, readFileSync(file.path), mimeType, item.idempotency_key);
        if (this.disposed) return 'stop';
        this.db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL WHERE id = ?").run(item.id);
        this.online = true;
        this.changes.emit({ id: item.article_id });
        return 'next';
      }
      if (item.action === 'comment' || item.action === 'resolve') {
        const payload = JSON.parse(item.payload) as { blockId: string; revision: number; text: string; commentId: string };
        const comment =
          item.action === 'comment'
            ? await client.addComment(item.article_id, { blockId: payload.blockId, revision: payload.revision, text: payload.text }, item.idempotency_key)
            : await client.resolveComment(item.article_id, payload.commentId, item.idempotency_key);
        if (this.disposed) return 'stop';
        this.storeComments(item.article_id, [comment]);
        this.db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL WHERE id = ?").run(item.id);
        this.online = true;
        this.changes.emit({ id: item.article_id });
        return 'next';
      }
      const result =
        item.action === 'save'
          ? await client.putArticle(item.article_id, articleSchema.parse((JSON.parse(item.payload) as { article: unknown }).article), state?.portal_revision ?? null, item.idempotency_key)
          : item.action === 'submit'
            ? await client.transition(item.article_id, { action: 'submit', revision: state?.portal_revision ?? 1, ...(JSON.parse(item.payload) as { override?: string }) }, item.idempotency_key)
            : await client.transition(item.article_id, transitionRequestSchema.parse(JSON.parse(item.payload)) as TransitionRequest, item.idempotency_key);
      // Closed while waiting for the answer: the action stays queued; its retry, with the same
      // key, gets the portal's first answer.
      if (this.disposed) return 'stop';
      const own = state !== undefined || item.action !== 'transition';
      this.db.transaction(() => {
        if (!own) {
          this.db.prepare('UPDATE portal_copies SET status = ?, revision = ?, url = ? WHERE article_id = ?').run(result.status, result.revision, result.url, item.article_id);
          this.db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL WHERE id = ?").run(item.id);
          return;
        }
        this.db
          .prepare(
            `INSERT INTO sync_state (article_id, portal_revision, portal_status, portal_url, published_revision, portal_content, portal_content_revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_status = excluded.portal_status,
               portal_url = excluded.portal_url, published_revision = excluded.published_revision, portal_content = excluded.portal_content,
               portal_content_revision = excluded.portal_content_revision, updated_at = excluded.updated_at`,
          )
          .run(item.article_id, result.revision, result.status, result.url, result.publishedRevision, JSON.stringify(result.article), result.revision, this.now().toISOString());
        this.db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL WHERE id = ?").run(item.id);
      })();
      this.online = true;
      this.changes.emit({ id: item.article_id });
      return 'next';
    } catch (error) {
      if (this.disposed) return 'stop';
      if (error instanceof PortalUnreachable) {
        const wait = backoffMs(item.attempts + 1, this.random);
        this.db
          .prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?')
          .run(new Date(this.now().getTime() + wait).toISOString(), 'unreachable', item.id);
        this.online = false;
        this.changes.emit({ id: item.article_id });
        return 'stop';
      }
      if (error instanceof PortalError && error.status === 401) {
        // The token expired: everything stays queued until the person signs in again.
        this.tokenRefused();
        this.changes.emit({ id: null });
        return 'stop';
      }
      if (error instanceof PortalError && error.status === 412 && error.current) {
        // Someone else changed it on the portal: both versions are kept; the person decides.
        const current = error.current;
        this.db.transaction(() => {
          this.recordConflict(current);
          this.db.prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = NULL WHERE article_id = ? AND state = 'pending' AND id >= ?").run(item.article_id, item.id);
        })();
        this.changes.emit({ id: item.article_id });
        return 'next';
      }
      const message = error instanceof Error ? error.message : String(error);
      // The refused action and what was queued after it for this release (a submission after a
      // refused save) are not delivered; the person sees why and acts again.
      this.db.prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE article_id = ? AND state = 'pending' AND id >= ?").run(message, item.article_id, item.id);
      this.changes.emit({ id: item.article_id });
      return 'next';
    }
  }
}
