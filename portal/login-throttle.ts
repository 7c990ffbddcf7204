import type { PortalDatabase } from './database.js';
import { fail } from './failure.js';

/** Failed attempts of one user name from one address before it has to wait. */
const PAIR_ATTEMPTS = 5;
/** Failed attempts from one address, over all names, before names never signed in from there have to wait. */
const CLIENT_ATTEMPTS = 20;
/** The first wait; it doubles with each further failure, up to the longest. */
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** A count with no failure for this long starts again. */
const FORGET_MS = 24 * 60 * 60_000;
/** A name signed in from an address within this time is not held up by other names' failures there. */
const TRUSTED_MS = 30 * 24 * 60 * 60_000;

/**
 * Slows password guessing down without letting anyone lock others out. Failures are counted in
 * the database (they survive a restart) per user name and client address, and per address:
 * after five failures that pair waits 30 s, then twice as long after each further failure (at
 * most 15 minutes); after twenty failures from one address, every name that has not signed in
 * from it lately waits the same way (password spraying). A correct password from another
 * address is never refused, whatever was tried elsewhere; a success clears its pair's count.
 */
export class LoginThrottle {
  constructor(
    private readonly db: PortalDatabase,
    private readonly now: () => Date,
  ) {}

  /** Refuses with 429 (and how long to wait, in German) while the pair or the address has to wait. */
  check(name: string, client: string): void {
    const now = this.now().getTime();
    const pair = this.db
      .prepare<[string, string], { failures: number; last_failure_at: string | null; last_success_at: string | null }>(
        'SELECT failures, last_failure_at, last_success_at FROM login_failures WHERE user_name = ? AND client = ?',
      )
      .get(name, client);
    const waits = [waitUntil(pair?.failures ?? 0, pair?.last_failure_at ?? null, PAIR_ATTEMPTS)];
    const lastSuccess = pair?.last_success_at ?? null;
    const trusted = lastSuccess !== null && now - Date.parse(lastSuccess) < TRUSTED_MS;
    if (!trusted) {
      const address = this.db.prepare<[string], { failures: number; last_failure_at: string }>('SELECT failures, last_failure_at FROM login_client_failures WHERE client = ?').get(client);
      waits.push(waitUntil(address?.failures ?? 0, address?.last_failure_at ?? null, CLIENT_ATTEMPTS));
    }
    const until = Math.max(...waits);
    if (until > now) fail(429, 'rate_limited', 'rateLimited', { wait: germanDuration(until - now) });
  }

  failed(name: string, client: string): void {
    const at = this.now().toISOString();
    const forgotten = new Date(this.now().getTime() - FORGET_MS).toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO login_failures (user_name, client, failures, last_failure_at) VALUES (?, ?, 1, ?)
           ON CONFLICT (user_name, client) DO UPDATE SET
             failures = CASE WHEN last_failure_at IS NULL OR last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = excluded.last_failure_at`,
        )
        .run(name, client, at, forgotten);
      this.db
        .prepare(
          `INSERT INTO login_client_failures (client, failures, last_failure_at) VALUES (?, 1, ?)
           ON CONFLICT (client) DO UPDATE SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = excluded.last_failure_at`,
        )
        .run(client, at, forgotten);
      // Counts nobody needs any more (names that never signed in, guessed long ago) are dropped.
      this.db.prepare('DELETE FROM login_failures WHERE last_failure_at < ? AND last_success_at IS NULL').run(forgotten);
      this.db.prepare('DELETE FROM login_client_failures WHERE last_failure_at < ?').run(forgotten);
    })();
  }

  succeeded(name: string, client: string): void {
    this.db
      .prepare(
        `INSERT INTO login_failures (user_name, client, failures, last_success_at) VALUES (?, ?, 0, ?)
         ON CONFLICT (user_name, client) DO UPDATE SET failures = 0, last_failure_at = NULL, last_success_at = excluded.last_success_at`,
      )
      .run(name, client, this.now().toISOString());
  }
}

/** When a count of failures allows the next attempt (0: now). */
function waitUntil(failures: number, lastFailureAt: string | null, allowed: number): number {
  if (failures < allowed || lastFailureAt === null) return 0;
  return Date.parse(lastFailureAt) + Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - allowed));
}

/** "30 Sekunden", "1 Minute", "15 Minuten": rounded up. */
function germanDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return seconds === 1 ? '1 Sekunde' : `${seconds} Sekunden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
}
