import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Failure } from '../../common/result.js';
import { migrate, openDatabase } from '../../main/services/database.js';
import { migrations } from '../../main/services/migrations/index.js';
import { makeTempDirectory } from '../temp-directory.js';

const latest = migrations.at(-1)!.version;
const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrations', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDirectory();
    file = join(temp.path, 'test.sqlite');
  });
  afterEach(() => temp.remove());

  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('create a fresh database at the latest version, in WAL mode', () => {
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['articles', 'events']));
    db.close();
  });

  function databaseAt(version: number): Database.Database {
    const db = new Database(file);
    migrate(db, migrations.slice(0, version));
    db.prepare(
      `INSERT INTO articles (id, version, title, lead, content, created_at, updated_at, deleted_at) VALUES ('a1', 3, 'Titel', 'Vorspann', '{}', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL)`,
    ).run();
    return db;
  }

  it('upgrade a database of the previous version and keep its data', () => {
    databaseAt(latest - 1).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT title, version FROM articles').get()).toEqual({ title: 'Titel', version: 3 });
    db.close();
  });

  it('002 gives existing articles their "created" entry in an append-only event log', () => {
    databaseAt(1).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT kind, article_id FROM events').all()).toEqual([{ kind: 'article.created', article_id: 'a1' }]);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE events SET kind = 'x'").run()).toThrow(/append-only/);
    db.close();
  });

  it('003 adds the media table, keyed by SHA-256', () => {
    databaseAt(2).close();
    const db = openDatabase(file);
    const insert = db.prepare("INSERT INTO media (sha256, mime_type, size, name, created_at) VALUES (?, 'image/png', 1, ?, '2026-01-01T00:00:00.000Z')");
    insert.run('a'.repeat(64), 'a.png');
    expect(() => insert.run('a'.repeat(64), 'b.png')).toThrow(/UNIQUE/);
    db.close();
  });

  it('005 keeps revisions immutable and removes them only with their release', () => {
    databaseAt(4).close();
    const db = openDatabase(file);
    db.prepare(
      `INSERT INTO revisions (article_id, article_version, created_at, reason, content_hash, content) VALUES ('a1', 3, '2026-01-03T00:00:00.000Z', 'pause', ?, '{}')`,
    ).run('f'.repeat(64));
    expect(() => db.prepare("UPDATE revisions SET reason = 'named'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM revisions').run()).toThrow(/only with their article/);
    db.prepare("DELETE FROM articles WHERE id = 'a1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM revisions').pluck().get()).toBe(0);
    db.close();
  });

  it('011 counts the releases there were, and its triggers keep the list\'s and the trash\'s totals', () => {
    const old = databaseAt(10);
    old.prepare("INSERT INTO articles (id, version, title, lead, content, created_at, updated_at, deleted_at) VALUES ('a2', 1, 'Weg', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z')").run();
    old.close();
    const db = openDatabase(file);
    const totals = () => db.prepare('SELECT trashed, total FROM article_totals ORDER BY trashed').all();
    const counted = () => [
      { trashed: 0, total: db.prepare('SELECT COUNT(*) FROM articles WHERE deleted_at IS NULL').pluck().get() },
      { trashed: 1, total: db.prepare('SELECT COUNT(*) FROM articles WHERE deleted_at IS NOT NULL').pluck().get() },
    ];
    expect(totals()).toEqual([{ trashed: 0, total: 1 }, { trashed: 1, total: 1 }]);
    const insert = db.prepare("INSERT INTO articles (id, version, title, lead, content, created_at, updated_at, deleted_at) VALUES (?, 1, 'Neu', '', '{}', '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z', ?)");
    insert.run('a3', null);
    insert.run('a4', '2026-01-05T00:00:00.000Z');
    expect(totals()).toEqual(counted());
    db.prepare("UPDATE articles SET deleted_at = '2026-01-06T00:00:00.000Z' WHERE id = 'a1'").run(); // to the trash
    db.prepare("UPDATE articles SET deleted_at = '2026-01-07T00:00:00.000Z' WHERE id = 'a2'").run(); // stays in the trash
    db.prepare("UPDATE articles SET deleted_at = NULL WHERE id = 'a4'").run(); // restored
    db.prepare("UPDATE articles SET title = 'Geändert'").run();
    expect(totals()).toEqual(counted());
    db.prepare("DELETE FROM articles WHERE id IN ('a1', 'a3')").run();
    expect(totals()).toEqual(counted());
    expect(totals()).toEqual([{ trashed: 0, total: 1 }, { trashed: 1, total: 1 }]);
    db.close();
  });

  it('apply all pending steps in one transaction: a failing step leaves the old version intact', () => {
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    const broken = [...migrations, { version: latest + 1, name: 'broken', up: () => { throw new Error('boom'); } }];
    expect(() => migrate(old, broken)).toThrow('boom');
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    const tables = old.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('events');
    old.close();
  });

  it('refuse a database written by a newer version, in German, without changing a byte', () => {
    const future = new Database(file);
    future.pragma('journal_mode = DELETE');
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${latest + 5}`);
    future.close();
    const before = hashOf(file);

    let caught: unknown;
    try {
      openDatabase(file).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Failure);
    expect((caught as Failure).message).toContain('neueren Version von Pressestelle');
    expect((caught as Failure).message).toContain(`Version ${latest + 5}`);
    expect(hashOf(file)).toBe(before);
  });

  it('refuse a file that is not a database, without changing it', () => {
    writeFileSync(file, 'Dies ist keine Datenbank, sondern ein Brief.'.repeat(200));
    const before = hashOf(file);
    expect(() => openDatabase(file)).toThrow(/beschädigt oder keine Pressestelle-Datenbank/);
    expect(hashOf(file)).toBe(before);
  });
});
