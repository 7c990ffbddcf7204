import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { release, usePortal } from './portal-harness.js';

describe('the portal’s costs do not grow with revisions or with time', () => {
  const t = usePortal();

  it('names an article’s authors from a table of their own, not by reading every revision', async () => {
    const id = randomUUID();
    expect((await t.as.author.put(id, release('Viele Fassungen'))).status).toBe(201);
    for (let revision = 1; revision <= 5; revision++) expect((await t.as.author2.put(id, release(`Fassung ${revision}`), revision)).status).toBe(200);
    const article = await t.as.author.call('GET', `/api/v1/articles/${id}`);
    expect(article.body.authors).toEqual(['redaktion', 'redaktion2']);
    const plan = t.server.portal.db.prepare<[string], { detail: string }>("EXPLAIN QUERY PLAN SELECT author FROM article_authors WHERE article_id = ? ORDER BY author").all(id);
    expect(plan.map((step) => step.detail).join(' ')).not.toMatch(/revisions/);
    expect(t.server.portal.db.prepare('SELECT COUNT(*) FROM article_authors WHERE article_id = ?').pluck().get(id)).toBe(2);
  });

  it('forgets stored answers after 24 hours and keeps their effect; a key within the day still gets the first answer', async () => {
    const id = randomUUID();
    const key = { 'Idempotency-Key': `schluessel-${randomUUID()}` };
    const first = await t.as.author.put(id, release('Einmal'), undefined, key);
    expect(first.status).toBe(201);
    t.clock += 23 * 60 * 60 * 1000;
    await t.loginAll();
    t.server.portal.expireIdempotency();
    expect((await t.as.author.put(id, release('Einmal'), undefined, key)).status).toBe(201);
    t.clock += 2 * 60 * 60 * 1000;
    await t.loginAll();
    // (The server's scheduler may have done it already; it runs once a minute.)
    t.server.portal.expireIdempotency();
    expect(t.server.portal.db.prepare('SELECT COUNT(*) FROM idempotency WHERE key = ?').pluck().get(key['Idempotency-Key'])).toBe(0);
    // The effect stays: the article is there, in its first revision; the old key now starts afresh (If-Match is then needed).
    expect((await t.as.author.put(id, release('Einmal'), undefined, key)).status).toBe(428);
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body).toMatchObject({ revision: 1, article: { meta: { title: 'Einmal' } } });
  });
});
