import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { articleSchema, type Article } from '../common/article.js';
import { Portal, type User } from '../portal/portal.js';
import { loadProfileConfig } from '../portal/profile.js';
import { largeRelease } from './large-release.js';
import { machine, ms, percentile, recordResults } from './results.js';

const ROUNDS = 20;
const profileFile = fileURLToPath(new URL('../portal/profile.example.json', import.meta.url));

/** The 1,000-block release without the blocks the example profile cannot render (the video). */
function renderableRelease(): Article {
  const article = largeRelease(1_000);
  return { ...article, meta: { ...article.meta, ministry: 'Thüringer Finanzministerium', date: '2026-12-02' }, body: { ...article.body, content: article.body.content.filter((node) => node.type !== 'video') } };
}

test('portal: a correction of a 1,000-block release', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-portal-'));
  const portal = new Portal({ dataDirectory, profile: loadProfileConfig(profileFile), baseUrl: 'http://127.0.0.1:1' });
  try {
    const author: User = { name: 'redaktion', role: 'author', ministries: ['tfm'] };
    const approver: User = { name: 'leitung', role: 'approver', ministries: ['tfm'] };
    portal.addUser(author.name, author.role, 'redaktion-passwort', author.ministries);
    portal.addUser(approver.name, approver.role, 'leitung-passwort', approver.ministries);
    const id = randomUUID();
    const release = renderableRelease();
    // The bench measures the cost of a transition, not the checks' verdict: the approver's
    // recorded override lets the release through whatever the checks find.
    const override = 'Benchmark';
    let { article } = portal.putArticle(author, id, release, null);
    const advance = (action: 'submit' | 'approve', by: User) => {
      article = portal.transition(by, id, { action, revision: article.revision, override });
    };
    advance('submit', approver);
    advance('approve', approver);
    article = portal.transition(approver, id, { action: 'publish', revision: article.revision, override });

    const loadRevision = portal.db.prepare<[string, number], string>('SELECT content FROM revisions WHERE article_id = ? AND number = ?').pluck();
    const correctTimes: number[] = [];
    const loadTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ({ article } = portal.putArticle(author, id, { ...release, meta: { ...release.meta, title: `${release.meta.title} ${round}` } }, article.revision));
      advance('submit', approver);
      advance('approve', approver);
      let start = performance.now();
      article = portal.transition(approver, id, { action: 'correct', revision: article.revision, reason: `Korrektur ${round}`, override });
      correctTimes.push(performance.now() - start);
      start = performance.now();
      articleSchema.parse(JSON.parse(loadRevision.get(id, article.revision)!));
      loadTimes.push(performance.now() - start);
    }

    const row = (name: string, value: number[], baseline: number[]) =>
      `| ${name} | ${ms(percentile(value, 0.5))} / ${ms(percentile(value, 0.95))} | ${ms(percentile(baseline, 0.5))} / ${ms(percentile(baseline, 0.95))} | ${(percentile(value, 0.5) / percentile(baseline, 0.5)).toFixed(2)} |`;
    const section = recordResults(
      'portal',
      machine(),
      [
        `One release of ${release.body.content.length} blocks of every kind the example profile renders, corrected ${ROUNDS} times, in process (the HTTP layer left out). Each round writes a revision, submits, approves and then corrects it; only the correction is timed: its checks, its renderability, the embargo, going live and the answer. Baseline: loading and validating that revision once.`,
        '',
        '| measure (median / p95) | Pressestelle | baseline | ratio of medians |',
        '| --- | --- | --- | --- |',
        row('"correct" transition (baseline: one load of the revision)', correctTimes, loadTimes),
      ].join('\n'),
    );
    console.log(section);
  } finally {
    portal.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});

/** One HTTP PUT of a revision through the real server (sequential), timed from request to answer. */
async function timedPut(url: string, token: string, id: string, article: Article, revision: number): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${url}/api/v1/articles/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), 'If-Match': `"${revision}"` },
    body: JSON.stringify(article),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`PUT answered ${response.status}`);
  return performance.now() - start;
}

test('portal: a revision PUT costs the same at 1 and at 500 revisions of an article', async () => {
  const { startPortalServer } = await import('../portal/server.js');
  const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-portal-put-'));
  const server = await startPortalServer({ dataDirectory, profile: loadProfileConfig(profileFile) });
  try {
    server.portal.addUser('redaktion', 'author', 'redaktion-passwort', ['tfm']);
    const session = await fetch(`${server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'redaktion', password: 'redaktion-passwort' }) });
    const { token } = (await session.json()) as { token: string };
    const small = articleSchema.parse({ ...largeRelease(200), meta: { ...largeRelease(200).meta, ministry: 'Thüringer Finanzministerium' } });
    const author: User = { name: 'redaktion', role: 'author', ministries: ['tfm'] };
    const [fresh, long] = [randomUUID(), randomUUID()];
    server.portal.putArticle(author, fresh, small, null);
    server.portal.putArticle(author, long, small, null);
    // 500 revisions written in process, as months of saving would leave them.
    const titled = (title: string): Article => ({ ...small, meta: { ...small.meta, title } });
    for (let revision = 1; revision < 500; revision++) server.portal.putArticle(author, long, titled(`Fassung ${revision}`), revision);
    let freshRevision = 1;
    let longRevision = 500;
    const freshTimes: number[] = [];
    const longTimes: number[] = [];
    // Interleaved, so both see the same machine load; the first few are warm-up.
    for (let round = 0; round < 60; round++) {
      const a = await timedPut(server.url, token, fresh, titled(`Runde ${round}`), freshRevision++);
      const b = await timedPut(server.url, token, long, titled(`Runde ${round}`), longRevision++);
      if (round >= 10) {
        freshTimes.push(a);
        longTimes.push(b);
      }
    }
    const freshMedian = percentile(freshTimes, 0.5);
    const longMedian = percentile(longTimes, 0.5);
    const section = recordResults(
      'portal PUT',
      machine(),
      [
        'PUT of a revision of a 200-block release (about 100 KB of JSON) over HTTP (If-Match, Idempotency-Key, the whole answer), 50 timed rounds after 10 warm-up, alternating between an article with a handful of revisions and one with 500. Baseline: the article with few revisions.',
        '',
        '| measure (median / p95) | at 500 revisions | baseline (few revisions) | ratio of medians | goal |',
        '| --- | --- | --- | --- | --- |',
        `| PUT of a revision | ${ms(longMedian)} / ${ms(percentile(longTimes, 0.95))} | ${ms(freshMedian)} / ${ms(percentile(freshTimes, 0.95))} | ${(longMedian / freshMedian).toFixed(2)} | flat (≈ 1) |`,
      ].join('\n'),
    );
    console.log(section);
  } finally {
    await server.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
