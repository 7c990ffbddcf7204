import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../common/migrations.js';
import { portal as firstSchema } from '../../portal/migrations/001-portal.js';
import { operator, Portal } from '../../portal/portal.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { sha256 } from '../../portal/history.js';
import { makeTempDirectory } from '../temp-directory.js';
import { release } from './portal-harness.js';
import { portalMigrations } from '../../portal/migrations/index.js';

const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

describe('the portal database from before ministries and idle sessions (schema 1)', () => {
  const temp = makeTempDirectory();
  afterEach(() => temp.remove());

  it('keeps its sessions, and its releases belong to the ministry their text names (none known: admins only)', () => {
    const db = new Database(join(temp.path, 'portal.sqlite'));
    migrate(db, [firstSchema]);
    const now = new Date().toISOString();
    db.prepare("INSERT INTO users (name, role, password_hash, created_at) VALUES ('redaktion', 'author', 'scrypt:00:00', ?)").run(now);
    db.prepare("INSERT INTO sessions (token_hash, user_name, expires_at) VALUES (?, 'redaktion', ?)").run(sha256('alter-token'), new Date(Date.now() + 60_000).toISOString());
    const [named, unnamed] = [randomUUID(), randomUUID()];
    for (const [id, article] of [[named, release('Mit Ministerium')], [unnamed, release('Ohne', { ministry: '' })]] as const) {
      db.prepare("INSERT INTO articles (id, revision, status, created_by, updated_by, created_at, updated_at) VALUES (?, 1, 'draft', 'redaktion', 'redaktion', ?, ?)").run(id, now, now);
      db.prepare("INSERT INTO revisions (article_id, number, content, author, created_at) VALUES (?, 1, ?, 'redaktion', ?)").run(id, JSON.stringify(article), now);
    }
    db.close();

    const portal = new Portal({ dataDirectory: temp.path, profile, baseUrl: 'http://127.0.0.1' });
    try {
      expect(schemaVersion(portal.db)).toBe(portalMigrations.at(-1)!.version);
      // Authors of articles from before have their own table too (migration 4).
      expect(portal.getArticle(operator, named).authors).toEqual(['redaktion']);
      expect(portal.userForToken('alter-token')).toEqual({ name: 'redaktion', role: 'author', ministries: [] });
      const finance = { name: 'kollegin', role: 'author' as const, ministries: ['tfm'] };
      expect(portal.listArticles(finance, undefined, 10, 0).items.map((item) => item.id)).toEqual([named]);
      expect(portal.listArticles(operator, undefined, 10, 0).total).toBe(2);
    } finally {
      portal.close();
    }
  });
});
