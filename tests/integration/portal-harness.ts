import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import type { Role } from '../../common/portal-api.js';
import { loadProfileConfig, type ProfileConfig } from '../../portal/profile.js';
import type { PasswordHash } from '../../portal/users.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';

const profileFile = fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url));
export const demoRelease = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/demo-release.json', import.meta.url)), 'utf8')) as Article;

export function release(title: string, extra: Partial<Article['meta']> = {}): Article {
  const base = emptyArticle();
  return {
    ...base,
    meta: { ...base.meta, title, lead: 'Ein Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29', ...extra },
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: `${title}: der Text.` }] }] },
  };
}

/** A client of one user: bearer token, JSON, an Idempotency-Key per write unless one is given. */
export class Client {
  constructor(
    private readonly base: string,
    readonly token: string,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are what the assertions check
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'Idempotency-Key': randomUUID() } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  put(id: string, article: Article, revision?: number, headers: Record<string, string> = {}) {
    return this.call('PUT', `/api/v1/articles/${id}`, article, { ...(revision ? { 'If-Match': `"${revision}"` } : {}), ...headers });
  }

  transition(id: string, action: string, revision: number, extra: Record<string, unknown> = {}) {
    return this.call('POST', `/api/v1/articles/${id}/transitions`, { action, revision, ...extra });
  }
}

const users = {
  author: 'redaktion',
  author2: 'redaktion2',
  approver: 'freigabe',
  approver2: 'freigabe2',
  admin: 'admin',
  otherAuthor: 'redaktion-tmdi',
  otherApprover: 'freigabe-tmdi',
} as const;

/** Role and ministries (ids of the example profile) of each user: `release()` writes for the Finanzministerium (tfm). */
const accounts: Record<keyof typeof users, { role: Role; ministries: string[] }> = {
  author: { role: 'author', ministries: ['tfm'] },
  author2: { role: 'author', ministries: ['tfm'] },
  approver: { role: 'approver', ministries: ['tfm'] },
  approver2: { role: 'approver', ministries: ['tfm'] },
  admin: { role: 'admin', ministries: [] },
  otherAuthor: { role: 'author', ministries: ['tmdi'] },
  otherApprover: { role: 'approver', ministries: ['tmdi'] },
};

export interface PortalTest {
  server: PortalServer;
  /** The portal's clock, in milliseconds; tests move it. */
  clock: number;
  /** The operator's profile the next start uses. */
  profile: ProfileConfig;
  /**
   * The inactivity limit of sessions the next start uses: a day, as the tests move the clock by
   * hours (the portal's default of 60 minutes has a test of its own).
   */
  sessionIdleMs: number | undefined;
  /** The password hashing the next start uses (scrypt when undefined). */
  passwordHash: PasswordHash | undefined;
  as: Record<keyof typeof users, Client>;
  start(): Promise<void>;
  loginAll(): Promise<void>;
  /** Written by the author, submitted, approved by the approver: ready to publish. */
  approved(article: Article): Promise<{ id: string; revision: number }>;
}

/**
 * A reference portal over HTTP for each test: an author, a second author and two approvers of the
 * Finanzministerium, an admin, and an author and an approver of the Ministerium für Digitales und Infrastruktur.
 */
export function usePortal(): PortalTest {
  let temp: ReturnType<typeof makeTempDirectory>;
  const login = async (name: string): Promise<Client> => {
    const response = await fetch(`${test.server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: name, password: `${name}-passwort` }) });
    expect(response.status).toBe(201);
    return new Client(test.server.url, ((await response.json()) as { token: string }).token);
  };
  const test: PortalTest = {
    server: undefined as unknown as PortalServer,
    clock: 0,
    profile: undefined as unknown as ProfileConfig,
    sessionIdleMs: undefined,
    passwordHash: undefined,
    as: {} as PortalTest['as'],
    async start() {
      test.server = await startPortalServer({ dataDirectory: temp.path, profile: test.profile, now: () => new Date(test.clock), ...(test.sessionIdleMs ? { sessionIdleMs: test.sessionIdleMs } : {}),
        ...(test.passwordHash ? { passwordHash: test.passwordHash } : {}),
      });
    },
    async loginAll() {
      test.as = {} as PortalTest['as'];
      for (const [key, name] of Object.entries(users)) test.as[key as keyof typeof users] = await login(name);
    },
    async approved(article) {
      const id = randomUUID();
      expect((await test.as.author.put(id, article)).status).toBe(201);
      expect((await test.as.author.transition(id, 'submit', 1)).status).toBe(200);
      expect((await test.as.approver.transition(id, 'approve', 1)).status).toBe(200);
      return { id, revision: 1 };
    },
  };

  beforeEach(async () => {
    temp = makeTempDirectory();
    test.clock = Date.parse('2026-11-29T08:00:00.000Z');
    test.profile = loadProfileConfig(profileFile);
    test.sessionIdleMs = 24 * 60 * 60 * 1000;
    test.passwordHash = undefined;
    await test.start();
    for (const [key, { role, ministries }] of Object.entries(accounts)) {
      const name = users[key as keyof typeof users];
      test.server.portal.addUser(name, role, `${name}-passwort`, ministries);
    }
    await test.loginAll();
  });
  afterEach(async () => {
    await test.server.close();
    temp.remove();
  });
  return test;
}
