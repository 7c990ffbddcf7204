import { randomUUID } from 'node:crypto';
import { articleSchema } from '../../common/article.js';
import type { ArticleStatus, Profile } from '../../common/portal-api.js';
import { Failure } from '../../common/result.js';
import { durably, type SqliteDatabase } from './database.js';
import { Emitter } from './disposable.js';
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
}

export interface ReleaseSyncState {
  portalStatus: ArticleStatus | null;
  portalRevision: number | null;
  url: string | null;
  pending: number;
  /** Why the last action for this release was refused, in the portal's words. */
  problem: string | null;
}

interface OutboxRow {
  id: number;
  article_id: string;
  action: 'save' | 'submit';
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
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delivering = false;
  private disposed = false;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly drafts: DraftStore,
    private readonly history: HistoryStore,
    private readonly now: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
  ) {}

  /** "Anmelden": signs in, caches the profile, and starts delivering what waits. */
  async connect(address: string, username: string, password: string): Promise<PortalStatus> {
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
    const setting = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      setting.run('portal.url', baseUrl);
      setting.run('portal.username', session.user.name);
      setting.run('portal.profile', JSON.stringify(profile));
    })();
    this.changes.emit({ id: null });
    this.kick(0);
    return this.status();
  }

  /** "Abmelden": forgets the token; the outbox stays and goes out after the next sign-in. */
  disconnect(): PortalStatus {
    this.client = null;
    this.session = null;
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
    };
  }

  /** The portal's profile as cached at the last sign-in. */
  cachedProfile(): Profile | null {
    const value = this.db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get('portal.profile');
    return value ? (JSON.parse(value) as Profile) : null;
  }

  releaseState(id: string): ReleaseSyncState {
    const row = this.db.prepare<[string], { portal_revision: number | null; portal_status: ArticleStatus | null; portal_url: string | null }>('SELECT portal_revision, portal_status, portal_url FROM sync_state WHERE article_id = ?').get(id);
    const pending = this.db.prepare<[string], number>("SELECT COUNT(*) FROM outbox WHERE article_id = ? AND state = 'pending'").pluck().get(id)!;
    const problem = this.db.prepare<[string], string | null>("SELECT last_error FROM outbox WHERE article_id = ? AND state = 'failed' ORDER BY id DESC LIMIT 1").pluck().get(id) ?? null;
    return { portalStatus: row?.portal_status ?? null, portalRevision: row?.portal_revision ?? null, url: row?.portal_url ?? null, pending, problem };
  }

  /**
   * "Zur Freigabe einreichen": a revision of the current text, then the text and the submission
   * into the outbox, durably and in this order. Delivery follows as soon as the portal is reachable.
   */
  submit(id: string): ReleaseSyncState {
    const draft = this.drafts.get(id);
    this.history.checkpoint(id, 'submit');
    const now = this.now().toISOString();
    const insert = this.db.prepare(
      'INSERT INTO outbox (article_id, action, payload, idempotency_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    durably(this.db, () => {
      insert.run(id, 'save', JSON.stringify({ article: draft.article }), randomUUID(), now, now);
      insert.run(id, 'submit', '{}', randomUUID(), now, now);
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
      const result =
        item.action === 'save'
          ? await client.putArticle(item.article_id, articleSchema.parse((JSON.parse(item.payload) as { article: unknown }).article), state?.portal_revision ?? null, item.idempotency_key)
          : await client.transition(item.article_id, { action: 'submit', revision: state?.portal_revision ?? 1 }, item.idempotency_key);
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO sync_state (article_id, portal_revision, portal_status, portal_url, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (article_id) DO UPDATE SET portal_revision = excluded.portal_revision, portal_status = excluded.portal_status, portal_url = excluded.portal_url, updated_at = excluded.updated_at`,
          )
          .run(item.article_id, result.revision, result.status, result.url, this.now().toISOString());
        this.db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL WHERE id = ?").run(item.id);
      })();
      this.online = true;
      this.changes.emit({ id: item.article_id });
      return 'next';
    } catch (error) {
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
        this.client = null;
        this.signInRequired = true;
        this.changes.emit({ id: null });
        return 'stop';
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
