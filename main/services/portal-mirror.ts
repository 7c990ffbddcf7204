import type { Article } from '../../common/article.js';
import { canonicalJson } from '../../common/canonical-json.js';
import { collectMediaRefs, mediaSizeLimit, type MediaRef } from '../../common/media.js';
import type { HistoryHead, PortalArticle } from '../../common/portal-api.js';
import { liveStatuses } from '../../common/workflow.js';
import type { Emitter } from './disposable.js';
import type { DraftStore } from './draft-store.js';
import type { MediaStore } from './media-store.js';
import { PortalUnreachable, type PortalClient } from './portal-client.js';
import type { PortalConnection } from './portal-connection.js';
import type { SyncStateStore } from './sync-state-store.js';

/** How often the person's releases and the review inbox are fetched while signed in. */
const PULL_INTERVAL_MS = 30_000;

/**
 * The portal's state, mirrored locally: the status of the person's releases and, for approvers,
 * the review inbox with its texts, comments and files, so that a review can be read and written
 * offline.
 */
export class PortalMirror {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly store: SyncStateStore,
    private readonly connection: PortalConnection,
    private readonly changes: Emitter<{ id: string | null }>,
    private readonly now: () => Date,
    private readonly drafts: DraftStore,
    /** Where the files of releases under review go, to show them offline. */
    private readonly media: MediaStore | null,
  ) {}

  /** Pulls now and then every half minute, until `stopPolling`. */
  async startPolling(): Promise<void> {
    await this.pull();
    if (this.connection.closed) return;
    this.stopPolling();
    this.timer = setInterval(() => void this.pull(), PULL_INTERVAL_MS);
    this.timer.unref?.();
  }

  stopPolling(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Fetches what changed on the portal. A release's base revision is not moved: a change someone
   * else made shows up as a conflict, never as a silent overwrite.
   */
  async pull(): Promise<void> {
    const client = this.connection.client;
    const session = this.connection.session;
    if (!client || !session) return;
    let items: PortalArticle[];
    let head: HistoryHead | null | undefined;
    try {
      ({ items, historyHead: head } = await client.listArticles());
    } catch (error) {
      if (this.connection.closed) return;
      this.connection.failed(error);
      this.changes.emit({ id: null });
      return;
    }
    // Closed meanwhile: the database is gone; the next start fetches again.
    if (this.connection.closed) return;
    this.connection.answered();
    const me = session.username;
    const reviewer = this.connection.reviewer() === true;
    const now = this.now().toISOString();
    this.store.transaction(() => {
      if (head) this.keepHistoryHead(client.baseUrl, head, now);
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
        if (reviewer && item.createdBy !== me && (item.status === 'in_review' || liveStatuses.includes(item.status))) {
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
        if (this.connection.closed) return;
        this.store.storeComments(id, comments);
      } catch {
        // Unreachable or gone: what is stored stays.
      }
    }
    await this.fetchReviewMedia(client);
    if (this.connection.closed) return;
    this.changes.emit({ id: null });
  }

  /** The anchor of the portal's history: a newest entry older than one seen before means entries were removed. */
  private keepHistoryHead(url: string, head: HistoryHead, now: string): void {
    const truncation = this.store.recordHistoryHead(url, head, now);
    if (truncation) console.error(`The portal's history went back from entry ${truncation.kept.seq} (${truncation.kept.hash}) to ${head.seq} (${head.hash}): entries were removed.`);
  }

  private localArticle(id: string): Article | null {
    try {
      return this.drafts.get(id).article;
    } catch {
      return null;
    }
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
      if (this.connection.closed) return;
      if (media.file(ref.sha256)) continue;
      try {
        const data = await client.getMedia(ref.sha256, mediaSizeLimit(ref.mimeType));
        if (this.connection.closed) return;
        // Trusted by content: the hash it was asked for, and the type and size it says it has.
        const checked = await media.check(ref.name, data, [ref.mimeType]);
        if (this.connection.closed) return;
        if (checked.sha256 === ref.sha256) media.store(checked, data);
      } catch (error) {
        if (error instanceof PortalUnreachable) return;
        // Refused, too large, of another type than the release says: not stored.
      }
    }
  }
}
