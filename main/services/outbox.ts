import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { articleSchema, type Article } from '../../common/article.js';
import { formatMessage } from '../../common/messages/index.js';
import { transitionRequestSchema, type PortalArticle, type TransitionRequest } from '../../common/portal-api.js';
import { withoutXmlIllegalDeep } from '../../common/xml-text.js';
import type { Emitter } from './disposable.js';
import type { MediaStore } from './media-store.js';
import { PortalError, type PortalClient } from './portal-client.js';
import type { PortalConnection } from './portal-connection.js';
import type { OutboxAction, OutboxItem, SyncRow, SyncStateStore } from './sync-state-store.js';

/** What each action of the outbox carries, as written when it was asked for. */
export interface OutboxPayloads {
  upload: { sha256: string; mimeType: string };
  save: { article: Article };
  submit: { override?: string };
  transition: TransitionRequest;
  comment: { blockId: string; revision: number; text: string };
  resolve: { commentId: string };
}

/** One action, ready to go into the outbox. */
export type OutboxEntry = { [A in OutboxAction]: { action: A; payload: OutboxPayloads[A] } }[OutboxAction];

/** Waits between attempts while the portal is unreachable: 1 s doubling to 5 min, with jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random() / 2));
}

interface Delivery {
  client: PortalClient;
  item: OutboxItem;
  /** What the portal last said about the release; undefined for someone else's. */
  state: SyncRow | undefined;
}

/**
 * Sends one action and returns what to record locally once the portal answered (in the same
 * transaction that marks the action delivered).
 */
type Handler = (delivery: Delivery) => Promise<() => void>;

/**
 * Everything meant for the portal goes through a durable outbox: written locally first (at
 * synchronous=FULL), ordered per release, each action with its own Idempotency-Key, delivered
 * when the portal is reachable and retried with backoff. A retry after a lost answer repeats the
 * same key, so the portal answers with the first result instead of acting twice.
 */
export class Outbox {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delivering = false;
  private readonly handlers: Record<OutboxAction, Handler>;

  constructor(
    private readonly store: SyncStateStore,
    private readonly connection: PortalConnection,
    private readonly changes: Emitter<{ id: string | null }>,
    private readonly now: () => Date,
    private readonly random: () => number,
    /** Where the files a release uses come from, for uploading them before its text. */
    private readonly media: MediaStore | null,
  ) {
    this.handlers = {
      upload: async ({ client, item }) => {
        const { sha256, mimeType } = this.payload<'upload'>(item);
        const file = this.media?.file(sha256);
        if (!file) throw new PortalError(0, 'missing_file', formatMessage('sync.mediaMissing', { sha256: sha256.slice(0, 12) }));
        await client.putMedia(sha256, readFileSync(file.path), mimeType, item.idempotencyKey);
        return () => {};
      },
      save: async ({ client, item, state }) => {
        const { article } = this.payload<'save'>(item);
        // A draft stored before the app cleaned its text may hold characters the portal refuses.
        const content = withoutXmlIllegalDeep(articleSchema.parse(article));
        return this.ownRelease(item, await client.putArticle(item.articleId, content, state?.portalRevision ?? null, item.idempotencyKey));
      },
      submit: async ({ client, item, state }) => {
        const request: TransitionRequest = { action: 'submit', revision: state?.portalRevision ?? 1, ...this.payload<'submit'>(item) };
        return this.ownRelease(item, await client.transition(item.articleId, request, item.idempotencyKey));
      },
      transition: async ({ client, item, state }) => {
        const result = await client.transition(item.articleId, transitionRequestSchema.parse(this.payload<'transition'>(item)) as TransitionRequest, item.idempotencyKey);
        // Someone else's release (a review, a withdrawal): its copy in the lists follows.
        if (state === undefined) return () => this.store.copyDelivered(item.articleId, result);
        return this.ownRelease(item, result);
      },
      comment: async ({ client, item }) => {
        const { blockId, revision, text } = this.payload<'comment'>(item);
        const comment = await client.addComment(item.articleId, { blockId, revision, text }, item.idempotencyKey);
        return () => this.store.storeComments(item.articleId, [comment]);
      },
      resolve: async ({ client, item }) => {
        const comment = await client.resolveComment(item.articleId, this.payload<'resolve'>(item).commentId, item.idempotencyKey);
        return () => this.store.storeComments(item.articleId, [comment]);
      },
    };
  }

  /** Writes actions for one release durably, in this order, and starts delivering them. */
  enqueue(id: string, ...entries: OutboxEntry[]): void {
    const now = this.now().toISOString();
    this.store.durably(() => {
      for (const { action, payload } of entries) this.store.enqueue(id, action, payload, randomUUID(), now);
    });
    this.changes.emit({ id });
    this.kick(0);
  }

  /** Delivers what is due after `delay` milliseconds (while signed in). */
  kick(delay: number): void {
    if (this.connection.closed || this.connection.client === null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.deliver();
    }, delay);
    this.timer.unref?.();
  }

  /** Waits until the outbox has nothing due (for tests and for closing). */
  async idle(): Promise<void> {
    while (this.delivering) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private payload<A extends OutboxAction>(item: OutboxItem): OutboxPayloads[A] {
    return JSON.parse(item.payload) as OutboxPayloads[A];
  }

  /** The portal's answer about one of the person's releases: status, text and base revision. */
  private ownRelease(item: OutboxItem, result: PortalArticle): () => void {
    return () => this.store.recordDelivered(item.articleId, result, this.now().toISOString());
  }

  /** Delivers due actions one at a time, oldest first; a release's later actions wait for its earlier ones. */
  private async deliver(): Promise<void> {
    if (this.delivering || !this.connection.client || this.connection.closed) return;
    this.delivering = true;
    try {
      for (;;) {
        const next = this.store.nextDue(this.now().toISOString());
        const client = this.connection.client;
        if (!next || !client) break;
        const outcome = await this.deliverOne(client, next);
        if (outcome === 'stop') break;
      }
    } finally {
      this.delivering = false;
    }
    const due = this.store.earliestDue();
    if (due) this.kick(Math.max(0, Date.parse(due) - this.now().getTime()));
  }

  private async deliverOne(client: PortalClient, item: OutboxItem): Promise<'next' | 'stop'> {
    try {
      const record = await this.handlers[item.action]({ client, item, state: this.store.syncRow(item.articleId) });
      // Closed while waiting for the answer: the action stays queued; its retry, with the same
      // key, gets the portal's first answer.
      if (this.connection.closed) return 'stop';
      this.store.transaction(() => {
        record();
        this.store.markDelivered(item.id);
      });
      this.connection.answered();
      this.changes.emit({ id: item.articleId });
      return 'next';
    } catch (error) {
      if (this.connection.closed) return 'stop';
      const lost = this.connection.failed(error);
      if (lost === 'unreachable') {
        const wait = backoffMs(item.attempts + 1, this.random);
        this.store.postpone(item.id, new Date(this.now().getTime() + wait).toISOString(), 'unreachable');
        this.changes.emit({ id: item.articleId });
        return 'stop';
      }
      if (lost === 'signedOut') {
        // The token expired: everything stays queued until the person signs in again.
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
      // The refused action and what was queued after it for this release (a submission after a
      // refused save) are not delivered; the person sees why and acts again.
      this.store.failFrom(item, error instanceof Error ? error.message : String(error));
      this.changes.emit({ id: item.articleId });
      return 'next';
    }
  }
}
