import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { diffArticles } from '../common/diff/article-diff.js';
import { callWithBody } from '../main/browser-server.js';
import { createDispatcher, createHandlers } from '../main/contract-dispatcher.js';
import { openAppServices } from '../main/services/app-services.js';
import { largeRelease } from './large-release.js';
import { queries, random, realisticRelease } from './releases.js';
import { machine, ms, percentile, recordResults } from './results.js';

const RELEASES = 10_000;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

test('store: search, list and autosave with 10,000 releases', async () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-store-'));
  const services = await openAppServices(dataDirectory, { dailyBackups: false });
  try {
    const { drafts, database } = services;
    const next = random(42);
    const fillMs = timed(() => database.transaction(() => {
      for (let index = 0; index < RELEASES; index++) drafts.create(realisticRelease(next, index));
    })());
    // Indexing happens after saves, off the autosave path; measured here on its own.
    const indexMs = timed(() => drafts.flushSearchIndex());

    const searchTimes: number[] = [];
    const naiveTimes: number[] = [];
    const naive = database.prepare<[string], string>("SELECT id FROM articles WHERE deleted_at IS NULL AND content LIKE '%' || ? || '%' LIMIT 50").pluck();
    for (let round = 0; round < 5; round++) {
      for (const query of queries) {
        searchTimes.push(timed(() => drafts.search(query, { scope: 'active' })));
        naiveTimes.push(timed(() => naive.all(query.split(' ')[0]!)));
      }
    }

    const pageTimes: number[] = [];
    const wholeListTimes: number[] = [];
    for (let round = 0; round < 20; round++) {
      pageTimes.push(timed(() => drafts.page('active', 100)));
      wholeListTimes.push(timed(() => drafts.list('active')));
    }

    // Main's side of one autosave of a 1,000-block release: validation, write, search index.
    const dispatch = createDispatcher(createHandlers(services));
    const big = largeRelease(1_000);
    const created = drafts.create(big);
    const bareUpdate = database.prepare('UPDATE articles SET content = ?, updated_at = ? WHERE id = ?');
    let version = created.version;
    const saveTimes: number[] = [];
    const bareTimes: number[] = [];
    const httpTimes: number[] = [];
    for (let round = 0; round < 20; round++) {
      const article = { ...big, meta: { ...big.meta, title: `${big.meta.title} ${round}` } };
      let start = performance.now();
      let result = await dispatch('drafts.save', { id: created.id, baseVersion: version, article });
      saveTimes.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
      version += 1;
      // The same save as the browser entry receives it: the request body, read and dispatched.
      const body = new TextEncoder().encode(JSON.stringify({ input: { id: created.id, baseVersion: version, article } }));
      start = performance.now();
      ({ result } = await callWithBody(dispatch, 'drafts.save', body));
      httpTimes.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
      version += 1;
      bareTimes.push(timed(() => bareUpdate.run(JSON.stringify(article), new Date().toISOString(), created.id)));
    }

    // Durability split: autosave commits at synchronous=NORMAL (survives a crash of the app), the
    // same save at FULL (survives a power cut) for comparison; interleaved, so neither gets the
    // quieter moments of the run. Once for the 1,000-block release, once for one of typical size.
    const typical = drafts.create(realisticRelease(next, RELEASES));
    let typicalVersion = typical.version;
    const durability = { bigNormal: [] as number[], bigFull: [] as number[], typicalNormal: [] as number[], typicalFull: [] as number[] };
    for (let round = 0; round < 80; round++) {
      const full = round % 2 === 1;
      database.pragma(`synchronous = ${full ? 'FULL' : 'NORMAL'}`);
      const article = { ...big, meta: { ...big.meta, title: `${big.meta.title} ${round}` } };
      let start = performance.now();
      let result = await dispatch('drafts.save', { id: created.id, baseVersion: version, article });
      (full ? durability.bigFull : durability.bigNormal).push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
      version += 1;
      const small = realisticRelease(next, round);
      start = performance.now();
      result = await dispatch('drafts.save', { id: typical.id, baseVersion: typicalVersion, article: small });
      (full ? durability.typicalFull : durability.typicalNormal).push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
      typicalVersion += 1;
    }
    database.pragma('synchronous = NORMAL');

    // A revision of the 1,000-block release (hash of the canonical JSON, insert), against the bare save.
    const checkpointTimes: number[] = [];
    for (let round = 0; round < 20; round++) {
      const article = { ...big, meta: { ...big.meta, title: `${big.meta.title} revision ${round}` } };
      drafts.save(created.id, version, article);
      version += 1;
      checkpointTimes.push(timed(() => services.history.checkpoint(created.id, 'pause')));
    }

    // Comparing two versions of it, block by block and word by word (runs in the renderer).
    const changed = structuredClone(big);
    for (let index = 0; index < changed.body.content.length; index += 50) {
      const block = changed.body.content[index]!;
      if (block.type === 'paragraph' && block.content?.[0]?.text) block.content[0] = { ...block.content[0], text: `${block.content[0].text} Ergänzt.` };
    }
    changed.body.content.splice(10, 1);
    const diffTimes: number[] = [];
    const cloneTimes: number[] = [];
    for (let round = 0; round < 10; round++) {
      diffTimes.push(timed(() => diffArticles(big, changed)));
      cloneTimes.push(timed(() => structuredClone(changed)));
    }

    // An online backup of the whole database with SQLite's backup API, against copying the file.
    const backupStart = performance.now();
    const backup = await services.backupNow();
    const backupMs = performance.now() - backupStart;
    const copyMs = timed(() => copyFileSync(join(dataDirectory, 'pressestelle.sqlite'), join(dataDirectory, 'copy.sqlite')));

    const row = (name: string, value: number[], baseline: number[], goal: string) =>
      `| ${name} | ${ms(percentile(value, 0.5))} / ${ms(percentile(value, 0.95))} | ${ms(percentile(baseline, 0.5))} / ${ms(percentile(baseline, 0.95))} | ${(percentile(value, 0.5) / percentile(baseline, 0.5)).toFixed(2)} | ${goal} |`;
    const section = recordResults(
      'store',
      machine(`, SQLite ${database.prepare('SELECT sqlite_version()').pluck().get() as string}, WAL, synchronous=NORMAL (FULL for durable writes)`),
      [
        `${RELEASES.toLocaleString('en')} releases of realistic size (about ${Math.round(JSON.stringify(realisticRelease(random(1), 0)).length / 1024)} KB of article JSON each), written in ${(fillMs / 1000).toFixed(1)} s in one transaction and indexed for search in ${(indexMs / 1000).toFixed(1)} s. The autosave p95 includes SQLite's WAL checkpoints (every ~10 saves of this size). A backup of the whole database (${(backup.size / 1024 / 1024).toFixed(0)} MB) took ${(backupMs / 1000).toFixed(1)} s online, against ${(copyMs / 1000).toFixed(2)} s for a plain file copy.`,
        '',
        '| measure (median / p95) | Pressestelle | baseline | ratio of medians | goal |',
        '| --- | --- | --- | --- | --- |',
        row(`search, ${queries.length} German queries × 5 (baseline: LIKE over the JSON, first word only)`, searchTimes, naiveTimes, 'p95 ≤ 20 ms'),
        row('first page of the list, 100 of 10,000 (baseline: the whole list)', pageTimes, wholeListTimes, ''),
        row('one autosave of a 1,000-block release, main side (baseline: bare UPDATE of the same JSON)', saveTimes, bareTimes, '≤ 20 ms'),
        row('the same autosave from the browser entry\'s request body (baseline: bare UPDATE)', httpTimes, bareTimes, ''),
        row('autosave of the 1,000-block release at synchronous=NORMAL (baseline: at FULL), interleaved', durability.bigNormal, durability.bigFull, 'NORMAL measurably faster'),
        row('autosave of a release of typical size at synchronous=NORMAL (baseline: at FULL), interleaved', durability.typicalNormal, durability.typicalFull, 'NORMAL measurably faster'),
        row('a revision of the 1,000-block release: hash and insert (baseline: bare UPDATE)', checkpointTimes, bareTimes, ''),
        row('comparing two versions of it, block by block and word by word (baseline: structuredClone of it)', diffTimes, cloneTimes, ''),
      ].join('\n'),
    );
    console.log(section);
  } finally {
    await services.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
