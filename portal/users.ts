import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Role, Session } from '../common/portal-api.js';
import type { PortalDatabase } from './database.js';
import { fail } from './failure.js';
import { sha256 } from './history.js';

export interface User {
  name: string;
  role: Role;
}

const SESSION_MS = 8 * 60 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_ATTEMPTS = 5;

/** Users with scrypt passwords, bearer sessions, and a limit on failed sign-ins. */
export class Users {
  private readonly failedLogins = new Map<string, number[]>();

  constructor(
    private readonly db: PortalDatabase,
    private readonly now: () => Date,
  ) {}

  add(name: string, role: Role, password: string): void {
    if (!/^[\w.@-]{1,100}$/.test(name)) throw new Error('A user name is 1 to 100 letters, digits, ".", "@", "_" or "-".');
    if (password.length < 8) throw new Error('A password has at least 8 characters.');
    const salt = randomBytes(16);
    const hash = scryptSync(password, salt, 32);
    this.db
      .prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash')
      .run(name, role, `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`, this.now().toISOString());
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
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(this.now().toISOString());
    this.db.prepare('INSERT INTO sessions (token_hash, user_name, expires_at) VALUES (?, ?, ?)').run(sha256(token), row.name, expiresAt);
    return { token, expiresAt, user: { name: row.name, role: row.role } };
  }

  /** The user a bearer token belongs to, or null if it is unknown or expired. */
  forToken(token: string): User | null {
    const row = this.db
      .prepare<[string, string], User>('SELECT u.name, u.role FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?')
      .get(sha256(token), this.now().toISOString());
    return row ?? null;
  }
}

function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
