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
