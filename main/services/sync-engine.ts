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
import type { SqliteDatabase } from './database.js';
import { Emitter } from './disposable.js';
import type { CredentialVault } from './credentials.js';
import type { DraftStore } from './draft-store.js';
import type { HistoryStore } from './history-store.js';
import { PortalClient, PortalError, PortalUnreachable, portalBaseUrl } from './portal-client.js';
import { SyncStateStore, type OutboxAction, type OutboxItem } from './sync-state-store.js';

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
  private readonly store: SyncStateStore;

  constructor(
    db: SqliteDatabase,
    private readonly drafts: DraftStore,
    private readonly history: HistoryStore,
    private readonly now: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
    /** Where the files a release uses come from, for uploading them before its text. */
    private readonly media: MediaStore | null = null,
    /** Where a sign-in is kept between starts (see `credentials.ts`); null: memory only. */
    private readonly vault: CredentialVault | null = null,
  ) {
    this.store = new SyncStateStore(db);
  }

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
    this.store.transaction(() => {
      this.store.saveSetting('portal.url', baseUrl);
      this.store.saveSetting('portal.username', session.user.name);
      this.store.saveSetting('portal.profile', JSON.stringify(profile));
    });
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
      this.store.saveSetting('portal.profile', JSON.stringify(profile));
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
    this.store.transaction(() => {
      // For approvers: the review inbox, and the live releases of others (to withdraw them).
      const kept = new Set<string>();
      for (const item of items) {
        this.store.recordPulled(item, now);
        // Someone else stored a newer revision of one of the person's releases: shown as a
        // conflict now, not only at the next save; the local text is not touched.
        const base = this.store.syncRow(item.id)?.portalRevision;
        if (base !== null && base !== undefined && item.revision > base && item.updatedBy !== me && !this.store.undecided(item.id)) {
          const local = this.localArticle(item.id);
          if (local && canonicalJson(local) === canonicalJson(item.article)) this.store.moveBase(item.id, item.revision, now);
          else if (local) this.store.recordConflict(item, now);
        }
        if (reviewer && item.createdBy !== me && (item.status === 'in_review' || item.status === 'published' || item.status === 'scheduled')) {
          this.store.saveCopy(item, now);
          kept.add(item.id);
        }
      }
      // Reviewed or withdrawn elsewhere meanwhile: gone from the lists (unless an action on it still waits here).
      for (const id of this.store.copyIds()) {
        if (!kept.has(id) && this.store.pending(id) === 0) this.store.deleteCopy(id);
      }
    });
    // Review comments of the person's releases and of the inbox, to read (and answer) offline.
    for (const id of this.store.releasesWithComments()) {
      try {
        const comments = await client.listComments(id);
        if (this.disposed) return;
        this.store.storeComments(id, comments);
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
    for (const content of this.store.copyContents()) collectMediaRefs(JSON.parse(content), refs);
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

  /** The review comments of a release, oldest first, as last fetched or sent. */
  comments(id: string): Comment[] {
    return this.store.comments(id);
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
    return this.store.overview();
  }

  /** "Zur Prüfung": releases others submitted, as last fetched. */
  inbox(): PortalCopy[] {
    return this.copies('inReview');
  }

  /** For approvers: the published and scheduled releases of others, as last fetched. */
  live(): PortalCopy[] {
    return this.copies('live');
  }

  private copies(which: 'inReview' | 'live'): PortalCopy[] {
    const me = this.session?.username ?? this.status().username ?? '';
    return this.store.copies(which).map(({ content, authors, ...copy }) => ({
      ...copy,
      article: articleSchema.parse(JSON.parse(content)),
      mayApprove: copy.createdBy !== me && !authors.includes(me),
    }));
  }

  /**
   * "Freigeben" or "Änderungen erbitten" for exactly the revision shown. Nobody approves a
   * revision they wrote or changed: the app says so before the portal would.
   */
  review(id: string, action: 'approve' | 'request_changes', revision: number): ReleaseSyncState {
    const copy = this.store.copy(id);
    if (!copy) throw new Failure('not_found', 'sync.notInInbox');
    const me = this.session?.username ?? this.status().username;
    if (action === 'approve' && (copy.createdBy === me || copy.authors.includes(me ?? ''))) throw new Failure('forbidden', 'sync.ownRevision');
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
    const copy = this.store.copy(id);
    if (!copy) throw new Failure('not_found', 'sync.notInInbox');
    const article = articleSchema.parse(JSON.parse(copy.content));
    const base = this.store.syncRow(id)?.portalRevision;
    const waiting = this.store.pending(id);
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
    if (waiting === 0 || base === undefined) this.store.takeUp(id, copy.revision, copy.status, this.now().toISOString());
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
    const row = this.store.syncRow(id);
    if (!row || row.portalStatus !== 'approved' || row.portalContent === null || row.portalContentRevision !== row.portalRevision) return null;
    return articleSchema.parse(JSON.parse(row.portalContent));
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
    const copy = this.store.copy(id);
    const status = state.portalStatus ?? copy?.status ?? null;
    const revision = state.portalRevision ?? copy?.revision ?? null;
    if ((status !== 'published' && status !== 'scheduled') || revision === null) throw new Failure('conflict', 'sync.notLive');
    this.enqueue(id, 'transition', { action: 'withdraw', revision, reason });
    return this.releaseState(id);
  }

  private enqueue(id: string, action: OutboxAction, payload: unknown): void {
    const now = this.now().toISOString();
    this.store.durably(() => this.store.enqueue(id, action, payload, randomUUID(), now));
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
    return {
      connected: this.client !== null,
      url: this.store.setting('portal.url'),
      username: this.session?.username ?? this.store.setting('portal.username'),
      role: this.session?.role ?? null,
      portalName: this.session?.portalName ?? null,
      online: this.online,
      pending: this.store.pending(),
      signInRequired: this.signInRequired,
      keepSignIn: this.vault?.kind ?? null,
      kept: this.kept,
    };
  }

  /** The portal's profile as cached at the last sign-in. */
  cachedProfile(): Profile | null {
    const value = this.store.setting('portal.profile');
    return value ? (JSON.parse(value) as Profile) : null;
  }

  releaseState(id: string): ReleaseSyncState {
    const row = this.store.syncRow(id);
    return {
      portalStatus: row?.portalStatus ?? null,
      portalRevision: row?.portalRevision ?? null,
      publishedRevision: row?.publishedRevision ?? null,
      url: row?.url ?? null,
      pending: this.store.pending(id),
      problem: this.store.problem(id),
      conflict: this.store.conflict(id),
    };
  }

  /**
   * Decides a conflict. "portal": the portal's version becomes the local text (what was local
   * stays a revision). "mine": the local text is sent again, now based on the portal's revision,
   * which the portal keeps in its history. Either way nothing is lost.
   */
  resolve(id: string, keep: 'mine' | 'portal'): ReleaseSyncState {
    const conflict = this.store.conflict(id);
    if (!conflict) return this.releaseState(id);
    if (keep === 'portal') {
      this.history.checkpoint(id, 'conflict');
      const draft = this.drafts.get(id);
      this.drafts.save(id, draft.version, conflict.article);
    }
    this.store.durably(() => {
      this.store.moveBase(id, conflict.portalRevision, this.now().toISOString());
      this.store.forgetConflict(id);
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
    this.store.durably(() => {
      // Its files first, so that the portal never holds a text whose images it lacks.
      for (const media of collectMediaRefs(draft.article)) this.store.enqueue(id, 'upload', { sha256: media.sha256, mimeType: media.mimeType }, randomUUID(), now);
      this.store.enqueue(id, 'save', { article: draft.article }, randomUUID(), now);
      this.store.enqueue(id, 'submit', override ? { override } : {}, randomUUID(), now);
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
        const next = this.store.nextDue(this.now().toISOString());
        if (!next || !this.client) break;
        const outcome = await this.deliverOne(this.client, next);
        if (outcome === 'stop') break;
      }
    } finally {
      this.delivering = false;
    }
    const due = this.store.earliestDue();
    if (due) this.kick(Math.max(0, Date.parse(due) - this.now().getTime()));
  }

  private async deliverOne(client: PortalClient, item: OutboxItem): Promise<'next' | 'stop'> {
    const state = this.store.syncRow(item.articleId);
    try {
      if (item.action === 'upload') {
        const { sha256, mimeType } = JSON.parse(item.payload) as { sha256: string; mimeType: string };
        const file = this.media?.file(sha256);
        if (!file) throw new PortalError(0, 'missing_file', formatMessage('sync.mediaMissing', { sha256: sha256.slice(0, 12) }));
        await client.putMedia(sha256, readFileSync(file.path), mimeType, item.idempotencyKey);
        if (this.disposed) return 'stop';
        this.store.markDelivered(item.id);
        this.online = true;
        this.changes.emit({ id: item.articleId });
        return 'next';
      }
      if (item.action === 'comment' || item.action === 'resolve') {
        const payload = JSON.parse(item.payload) as { blockId: string; revision: number; text: string; commentId: string };
        const comment =
          item.action === 'comment'
            ? await client.addComment(item.articleId, { blockId: payload.blockId, revision: payload.revision, text: payload.text }, item.idempotencyKey)
            : await client.resolveComment(item.articleId, payload.commentId, item.idempotencyKey);
        if (this.disposed) return 'stop';
        this.store.storeComments(item.articleId, [comment]);
        this.store.markDelivered(item.id);
        this.online = true;
        this.changes.emit({ id: item.articleId });
        return 'next';
      }
      const result =
        item.action === 'save'
          ? await client.putArticle(item.articleId, articleSchema.parse((JSON.parse(item.payload) as { article: unknown }).article), state?.portalRevision ?? null, item.idempotencyKey)
          : item.action === 'submit'
            ? await client.transition(item.articleId, { action: 'submit', revision: state?.portalRevision ?? 1, ...(JSON.parse(item.payload) as { override?: string }) }, item.idempotencyKey)
            : await client.transition(item.articleId, transitionRequestSchema.parse(JSON.parse(item.payload)) as TransitionRequest, item.idempotencyKey);
      // Closed while waiting for the answer: the action stays queued; its retry, with the same
      // key, gets the portal's first answer.
      if (this.disposed) return 'stop';
      const own = state !== undefined || item.action !== 'transition';
      this.store.transaction(() => {
        if (own) this.store.recordDelivered(item.articleId, result, this.now().toISOString());
        else this.store.copyDelivered(item.articleId, result);
        this.store.markDelivered(item.id);
      });
      this.online = true;
      this.changes.emit({ id: item.articleId });
      return 'next';
    } catch (error) {
      if (this.disposed) return 'stop';
      if (error instanceof PortalUnreachable) {
        const wait = backoffMs(item.attempts + 1, this.random);
        this.store.postpone(item.id, new Date(this.now().getTime() + wait).toISOString(), 'unreachable');
        this.online = false;
        this.changes.emit({ id: item.articleId });
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
        this.store.transaction(() => {
          this.store.recordConflict(current, this.now().toISOString());
          this.store.failFrom(item, null);
        });
        this.changes.emit({ id: item.articleId });
        return 'next';
      }
      const message = error instanceof Error ? error.message : String(error);
      // The refused action and what was queued after it for this release (a submission after a
      // refused save) are not delivered; the person sees why and acts again.
      this.store.failFrom(item, message);
      this.changes.emit({ id: item.articleId });
      return 'next';
    }
  }
}
