import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Role, Session } from '../common/portal-api.js';
import type { PortalDatabase } from './database.js';
import { fail } from './failure.js';
import { sha256 } from './history.js';
import { LoginThrottle } from './login-throttle.js';

export interface User {
  name: string;
  role: Role;
  /** The ids of the ministries whose releases the user reaches (admins reach all); the first is their own. */
  ministries: readonly string[];
}

/** The key derivation of passwords; injectable so a test can count how often it runs. */
export type PasswordHash = (password: string, salt: Buffer, length: number) => Buffer;

export interface UsersOptions {
  now: () => Date;
  /** A session ends this long after its last request (default 60 minutes). */
  sessionIdleMs?: number;
  hash?: PasswordHash;
}

/** A session ends at the latest this long after sign-in, however active. */
const SESSION_MS = 8 * 60 * 60 * 1000;
export const DEFAULT_SESSION_IDLE_MS = 60 * 60 * 1000;
/** The last request of a session is written down at most this often. */
const SEEN_PRECISION_MS = 60 * 1000;
/** Verified when the name is unknown, so that an unknown name costs as much as a known one. */
const DUMMY_HASH = `scrypt:${'5a'.repeat(16)}:${'00'.repeat(32)}`;

/** Users with scrypt passwords and ministries, bearer sessions, and a throttle on failed sign-ins. */
export class Users {
  private readonly throttle: LoginThrottle;
  private readonly now: () => Date;
  private readonly idleMs: number;
  private readonly hash: PasswordHash;

  constructor(
    private readonly db: PortalDatabase,
    options: UsersOptions,
  ) {
    this.now = options.now;
    this.idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.hash = options.hash ?? ((password, salt, length) => scryptSync(password, salt, length));
    this.throttle = new LoginThrottle(db, this.now);
  }

  /** Adds a user, or sets the role, password and ministries of an existing one. */
  add(name: string, role: Role, password: string, ministries: readonly string[]): void {
    if (!/^[\w.@-]{1,100}$/.test(name)) throw new Error('A user name is 1 to 100 letters, digits, ".", "@", "_" or "-".');
    if (password.length < 8) throw new Error('A password has at least 8 characters.');
    const salt = randomBytes(16);
    const hash = this.hash(password, salt, 32);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash')
        .run(name, role, `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`, this.now().toISOString());
      this.db.prepare('DELETE FROM user_ministries WHERE user_name = ?').run(name);
      const insert = this.db.prepare('INSERT INTO user_ministries (user_name, ministry, position) VALUES (?, ?, ?)');
      [...new Set(ministries)].forEach((ministry, position) => insert.run(name, ministry, position));
    })();
  }

  /** A bearer token for a user name and password; failed attempts are throttled (see `login-throttle.ts`). */
  login(name: string, password: string, client: string): Session {
    this.throttle.check(name, client);
    const row = this.db.prepare<[string], { name: string; role: Role; password_hash: string }>('SELECT name, role, password_hash FROM users WHERE name = ?').get(name);
    // An unknown name is hashed too: the answer takes as long, and does not tell which names exist.
    const verified = this.verify(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !verified) {
      this.throttle.failed(name, client);
      fail(401, 'unauthorized', 'loginFailed');
    }
    this.throttle.succeeded(name, client);
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_MS).toISOString();
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?').run(now.toISOString(), new Date(now.getTime() - this.idleMs).toISOString());
    this.db.prepare('INSERT INTO sessions (token_hash, user_name, expires_at, last_seen_at) VALUES (?, ?, ?, ?)').run(sha256(token), row.name, expiresAt, now.toISOString());
    return { token, expiresAt, user: { name: row.name, role: row.role, ministries: [...this.ministries(row.name)] } };
  }

  /**
   * The user a bearer token belongs to, or null if it is unknown, expired, or idle for longer
   * than the inactivity limit. A request keeps the session alive.
   */
  forToken(token: string): User | null {
    const now = this.now().getTime();
    const tokenHash = sha256(token);
    const row = this.db
      .prepare<[string, string, string], { name: string; role: Role; last_seen_at: string }>(
        'SELECT u.name, u.role, s.last_seen_at FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?',
      )
      .get(tokenHash, new Date(now).toISOString(), new Date(now - this.idleMs).toISOString());
    if (!row) return null;
    if (now - Date.parse(row.last_seen_at) >= SEEN_PRECISION_MS) {
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(new Date(now).toISOString(), tokenHash);
    }
    return { name: row.name, role: row.role, ministries: this.ministries(row.name) };
  }

  /** Ends the session of a token ("Abmelden"); an unknown token changes nothing. */
  logout(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
  }

  private ministries(name: string): string[] {
    return this.db.prepare<[string], string>('SELECT ministry FROM user_ministries WHERE user_name = ? ORDER BY position').pluck().all(name);
  }

  private verify(password: string, stored: string): boolean {
    const [scheme, salt, hash] = stored.split(':');
    if (scheme !== 'scrypt' || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'hex');
    const actual = this.hash(password, Buffer.from(salt, 'hex'), expected.length);
    return timingSafeEqual(actual, expected);
  }
}
