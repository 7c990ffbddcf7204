import type { Article } from '../common/article.js';
import type { PortalDelivery } from '../common/portal-api.js';
import type { ArticleRow, ArticleStore } from './articles.js';
import type { PortalDatabase } from './database.js';
import { DeliveryError, Destinations, WEBSITE, type DeliveryJob } from './destinations.js';
import { fail } from './failure.js';
import { portalMessage } from './messages.js';

export type DeliveryAction = DeliveryJob['action'];

interface DeliveryRow {
  seq: number;
  article_id: string;
  destination: string;
  revision: number;
  action: DeliveryAction;
  status: 'pending' | 'delivered' | 'failed' | 'superseded';
  attempts: number;
  error: string | null;
  url: string | null;
  next_attempt_at: string;
  pending_since: string | null;
}

export interface DeliveryQueueOptions {
  db: PortalDatabase;
  articles: ArticleStore;
  destinations: Destinations;
  now: () => Date;
  /** The first retry waits about this long, each further one twice as long (with jitter). */
  retryBaseMs?: number;
  /** The longest wait between two attempts. */
  retryMaxMs?: number;
  /** After this many attempts a delivery is "failed" (a person retries it). */
  maxAttempts?: number;
  mediaFile: DeliveryJob['mediaFile'];
  /** The website's address of a published article. */
  websiteUrl: (row: ArticleRow) => string | null;
}

/**
 * The publish queue: one job per destination for every publish, correction and withdrawal,
 * written with the transition; a worker delivers them in order per article, retries with backoff
 * and jitter, and skips a job once a newer one for the same article and destination exists.
 */
export class DeliveryQueue {
  private running: Promise<void> | null = null;

  constructor(private readonly options: DeliveryQueueOptions) {}

  /** Inside the transition's transaction: the website at once, every other destination pending. */
  enqueue(row: ArticleRow, revision: number, action: DeliveryAction): void {
    const { db, destinations } = this.options;
    const now = this.stamp();
    const insert = db.prepare(
      `INSERT INTO deliveries (article_id, destination, revision, action, status, attempts, url, next_attempt_at, pending_since, created_at, delivered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const current = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(row.id)!;
    const websiteUrl = action === 'withdraw' ? null : this.options.websiteUrl(current);
    insert.run(row.id, WEBSITE, revision, action, 'delivered', 1, websiteUrl, now, null, now, now);
    for (const name of destinations.names()) insert.run(row.id, name, revision, action, 'pending', 0, null, now, now, now, null);
  }

  /**
   * For a destination added after releases went live: queues every release live on the website
   * that the destination has not received (no job for it yet), its published revision, as a
   * correction where it was corrected, oldest first. Returns how many were queued.
   */
  backfill(destination: string): number {
    const now = this.stamp();
    return this.options.db
      .prepare(
        `INSERT INTO deliveries (article_id, destination, revision, action, status, attempts, url, next_attempt_at, pending_since, created_at, delivered_at)
         SELECT a.id, ?, a.published_revision, CASE WHEN a.corrected_at IS NULL THEN 'publish' ELSE 'correct' END, 'pending', 0, NULL, ?, ?, ?, NULL
         FROM articles a
         WHERE a.published_revision IS NOT NULL AND a.withdrawn_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.article_id = a.id AND d.destination = ?)
         ORDER BY a.published_at, a.rowid`,
      )
      .run(destination, now, now, now, destination).changes;
  }

  /** The newest job per destination of an article, as the API shows it. */
  of(articleId: string): PortalDelivery[] {
    const rows = this.options.db
      .prepare<[string], DeliveryRow>(
        `SELECT d.* FROM deliveries d WHERE d.article_id = ? AND d.seq = (SELECT MAX(seq) FROM deliveries WHERE article_id = d.article_id AND destination = d.destination)
         ORDER BY d.destination = '${WEBSITE}' DESC, d.destination`,
      )
      .all(articleId);
    return rows.map((row) => ({
      destination: row.destination,
      status: row.status === 'superseded' ? 'pending' : row.status,
      attempts: row.attempts,
      error: row.error,
      url: row.url,
      ...(row.status === 'pending' && row.pending_since ? { pendingSince: row.pending_since } : {}),
    }));
  }

  /** A failed delivery goes back into the queue, due now. */
  retry(articleId: string, destination: string): void {
    const row = this.options.db
      .prepare<[string, string], DeliveryRow>('SELECT * FROM deliveries WHERE article_id = ? AND destination = ? ORDER BY seq DESC LIMIT 1')
      .get(articleId, destination);
    if (!row) fail(404, 'not_found', 'deliveryNotFound', { destination });
    if (row.status !== 'failed') fail(409, 'conflict', 'deliveryNotFailed', { destination });
    const now = this.stamp();
    this.options.db.prepare(`UPDATE deliveries SET status = 'pending', next_attempt_at = ?, pending_since = ? WHERE seq = ?`).run(now, now, row.seq);
  }

  /** Delivers every due job once (one pass); a pass already under way is awaited, not doubled. */
  runDue(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves when no pass is under way (before the database closes). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async pass(): Promise<void> {
    const { db } = this.options;
    // Older pending jobs of an article and destination that has a newer one are never delivered.
    db.prepare(
      `UPDATE deliveries SET status = 'superseded' WHERE status IN ('pending', 'failed')
         AND EXISTS (SELECT 1 FROM deliveries newer WHERE newer.article_id = deliveries.article_id AND newer.destination = deliveries.destination AND newer.seq > deliveries.seq)`,
    ).run();
    const due = db.prepare<[string], DeliveryRow>(`SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY seq`).all(this.stamp());
    for (const job of due) await this.deliver(job);
  }

  private async deliver(job: DeliveryRow): Promise<void> {
    const { db, articles, destinations } = this.options;
    const driver = destinations.driver(job.destination);
    if (!driver) {
      db.prepare(`UPDATE deliveries SET status = 'failed', error = ? WHERE seq = ?`).run(portalMessage('destinationRemoved', { destination: job.destination }), job.seq);
      return;
    }
    const row = articles.require(job.article_id);
    const article: Article = articles.content(job.article_id, job.revision);
    const attempts = job.attempts + 1;
    try {
      const { url } = await driver.deliver({
        seq: job.seq,
        articleId: job.article_id,
        revision: job.revision,
        action: job.action,
        article,
        slug: row.slug!,
        publishedAt: row.published_at ?? this.stamp(),
        correctedAt: job.action === 'correct' ? row.corrected_at : null,
        mediaFile: this.options.mediaFile,
      });
      db.prepare(`UPDATE deliveries SET status = 'delivered', attempts = ?, error = NULL, url = ?, delivered_at = ?, pending_since = NULL WHERE seq = ?`).run(attempts, url, this.stamp(), job.seq);
    } catch (error) {
      const permanent = error instanceof DeliveryError && error.permanent;
      const message = error instanceof DeliveryError ? error.message : portalMessage('deliveryUnexpected', { reason: error instanceof Error ? error.message : String(error) });
      const failed = permanent || attempts >= (this.options.maxAttempts ?? 12);
      const next = new Date(this.options.now().getTime() + this.backoff(attempts)).toISOString();
      db.prepare(`UPDATE deliveries SET status = ?, attempts = ?, error = ?, next_attempt_at = ? WHERE seq = ?`).run(failed ? 'failed' : 'pending', attempts, message, next, job.seq);
    }
  }

  /** Exponential backoff with full jitter between half and the whole wait. */
  private backoff(attempts: number): number {
    const wait = Math.min((this.options.retryBaseMs ?? 2_000) * 2 ** (attempts - 1), this.options.retryMaxMs ?? 10 * 60_000);
    return Math.round(wait / 2 + (Math.random() * wait) / 2);
  }

  private stamp(): string {
    return this.options.now().toISOString();
  }
}
