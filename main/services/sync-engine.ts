import { randomUUID } from 'node:crypto';
import { articleSchema, type Article } from '../../common/article.js';
import { Failure } from '../../common/result.js';
import type { ArticleStatus, Comment, PortalDelivery, Profile } from '../../common/portal-api.js';
import type { CredentialVault } from './credentials.js';
import type { SqliteDatabase } from './database.js';
import { Emitter } from './disposable.js';
import type { DraftStore } from './draft-store.js';
import type { HistoryStore } from './history-store.js';
import type { MediaStore } from './media-store.js';
import { Outbox } from './outbox.js';
import { PortalConnection, type PortalStatus } from './portal-connection.js';
import { PortalMirror } from './portal-mirror.js';
import { ReleaseCommands } from './release-commands.js';
import { storedDeliveries, SyncStateStore } from './sync-state-store.js';

export { backoffMs } from './outbox.js';
export type { PortalStatus } from './portal-connection.js';

/** The statuses whose text on the portal is an approved one. */
const approvedStatuses: ReadonlySet<ArticleStatus> = new Set<ArticleStatus>(['approved', 'scheduled', 'published']);

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
  /** The portal's deliveries of it to each destination (its website, WordPress …). */
  deliveries: PortalDelivery[];
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

/**
 * The app's side of the portal, one part per job over one sync-state store: the connection
 * (sign-in and session), the mirror (pulling the portal's state), the outbox (delivering what
 * the person asked for) and the release commands (checked against the workflow table and the
 * publish gate). This class wires them and answers the read models.
 */
export class SyncEngine {
  readonly changes = new Emitter<{ id: string | null }>();
  private readonly store: SyncStateStore;
  private readonly connection: PortalConnection;
  private readonly outbox: Outbox;
  private readonly mirror: PortalMirror;
  private readonly commands: ReleaseCommands;

  constructor(
    db: SqliteDatabase,
    drafts: DraftStore,
    history: HistoryStore,
    private readonly now: () => Date = () => new Date(),
    random: () => number = Math.random,
    /** Where the files a release uses come from, for uploading them before its text. */
    media: MediaStore | null = null,
    /** Where a sign-in is kept between starts (see `credentials.ts`); null: memory only. */
    vault: CredentialVault | null = null,
  ) {
    this.store = new SyncStateStore(db);
    this.connection = new PortalConnection(this.store, this.changes, now, vault);
    this.outbox = new Outbox(this.store, this.connection, this.changes, now, random, media);
    this.mirror = new PortalMirror(this.store, this.connection, this.changes, now, drafts, media);
    this.commands = new ReleaseCommands(this.store, this.connection, this.outbox, this.changes, now, drafts, history);
    this.connection.ended.on(() => this.mirror.stopPolling());
  }

  /**
   * "Anmelden": signs in, caches the profile, and starts delivering what waits. The sign-in is
   * kept for the next start when the vault encrypts (Electron) or the person asks for it (`keep`).
   */
  async connect(address: string, username: string, password: string, keep = false): Promise<PortalStatus> {
    await this.connection.connect(address, username, password, keep);
    await this.start();
    return this.status();
  }

  /**
   * At start: a kept sign-in that has not expired is taken up again without asking. Offline, it
   * waits like any sign-in; a token the portal no longer accepts asks for a new sign-in.
   */
  async resume(): Promise<void> {
    if (await this.connection.resume()) await this.start();
  }

  private async start(): Promise<void> {
    this.outbox.kick(0);
    await this.mirror.startPolling();
  }

  /**
   * Fetches what changed on the portal: the status of the person's releases and, for approvers,
   * the review inbox with its texts, so that a review can be read and written offline.
   */
  pull(): Promise<void> {
    return this.mirror.pull();
  }

  /**
   * "Abmelden": forgets the token and ends the session on the portal (best effort, not waited
   * for: offline it is forgotten all the same); the outbox stays and goes out after the next sign-in.
   */
  disconnect(): PortalStatus {
    void this.connection.disconnect();
    return this.status();
  }

  status(): PortalStatus {
    return this.connection.status();
  }

  /**
   * "Erneut versuchen" of a failed delivery (WordPress …): asked of the portal at once, not
   * queued, since it is about the portal's own work; the answer updates the release's state.
   */
  async retryDelivery(id: string, destination: string): Promise<ReleaseSyncState> {
    const client = this.connection.client;
    if (!client) throw new Failure('unauthorized', 'sync.retrySignIn');
    try {
      this.store.recordPulled(await client.retryDelivery(id, destination, randomUUID()), this.now().toISOString());
    } catch (error) {
      if (this.connection.failed(error) === 'unreachable') throw new Failure('unreachable', 'sync.retryOffline');
      throw new Failure('conflict', 'sync.retryRefused', { message: error instanceof Error ? error.message : String(error) });
    }
    this.changes.emit({ id });
    return this.releaseState(id);
  }

  /** The portal's profile as cached at the last sign-in. */
  cachedProfile(): Profile | null {
    return this.connection.cachedProfile();
  }

  // --- read models ---

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
      deliveries: storedDeliveries(row?.deliveries),
    };
  }

  /** For the list: each release's portal status and how many of its actions wait in the outbox. */
  overview(): Array<{ id: string; portalStatus: ArticleStatus | null; pending: number; deliveries: PortalDelivery[] }> {
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
    const me = this.connection.username() ?? '';
    return this.store.copies(which).map(({ content, authors, ...copy }) => ({
      ...copy,
      article: articleSchema.parse(JSON.parse(content)),
      mayApprove: copy.createdBy !== me && !authors.includes(me),
    }));
  }

  /** The review comments of a release, oldest first, as last fetched or sent. */
  comments(id: string): Comment[] {
    return this.store.comments(id);
  }

  /**
   * What "Veröffentlichen" or "Korrigieren" would put live: the approved revision as the portal
   * last answered with it. Null unless the release is approved and that text is known.
   */
  publishCandidate(id: string): Article | null {
    return this.commands.publishCandidate(id)?.article ?? null;
  }

  /**
   * The text the portal approved, as it last answered with it: that of an approved, scheduled or
   * published release; null for any other status or while the text is not known here.
   */
  approvedText(id: string): Article | null {
    const row = this.store.syncRow(id);
    if (!row?.portalStatus || !approvedStatuses.has(row.portalStatus) || row.portalContent === null) return null;
    return articleSchema.parse(JSON.parse(row.portalContent));
  }

  // --- release commands (see `release-commands.ts`) ---

  /** "Zur Freigabe einreichen": a revision of the current text, then the text and the submission into the outbox. */
  submit(id: string, override?: string): ReleaseSyncState {
    this.commands.submit(id, override);
    return this.releaseState(id);
  }

  /** "Freigeben" or "Änderungen erbitten" for exactly the revision shown (never one's own: four eyes). */
  review(id: string, action: 'approve' | 'request_changes', revision: number): ReleaseSyncState {
    this.commands.review(id, action, revision);
    return this.releaseState(id);
  }

  /** "Bearbeiten" in a review: the revision shown becomes the approver's local text of the release. */
  edit(id: string): { id: string } {
    return this.commands.edit(id);
  }

  /** "Veröffentlichen": the approved revision, now or at a time, never before the embargo (checked here and by the portal). */
  publish(id: string, at: string | null, override?: string): ReleaseSyncState {
    this.commands.publish(id, at, override);
    return this.releaseState(id);
  }

  /** "Korrigieren": a new approved revision of a published release goes live, with a correction note. */
  correct(id: string, reason: string, override?: string): ReleaseSyncState {
    this.commands.correct(id, reason, override);
    return this.releaseState(id);
  }

  /** "Zurückziehen": takes a published or scheduled release off the portal (approvers), with a reason. */
  withdraw(id: string, reason: string): ReleaseSyncState {
    this.commands.withdraw(id, reason);
    return this.releaseState(id);
  }

  /** Decides a conflict: the portal's version into the editor, or one's own sent again based on it. */
  resolve(id: string, keep: 'mine' | 'portal'): ReleaseSyncState {
    this.commands.resolve(id, keep);
    return this.releaseState(id);
  }

  /** A comment on one block of one revision (or an answer to one): through the outbox. */
  comment(id: string, blockId: string, revision: number, text: string): void {
    this.commands.comment(id, blockId, revision, text);
  }

  /** "Erledigt": a comment resolved, through the outbox. */
  resolveComment(id: string, commentId: string): void {
    this.commands.resolveComment(id, commentId);
  }

  /** Waits until the outbox has nothing due (for tests and for closing). */
  idle(): Promise<void> {
    return this.outbox.idle();
  }

  dispose(): void {
    this.connection.close();
    this.mirror.stopPolling();
    this.outbox.close();
    this.changes.clear();
  }
}
