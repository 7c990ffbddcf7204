import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { queryTerms } from '../common/search-text.js';
import { openDatabase } from '../main/services/database.js';
import { DraftStore } from '../main/services/draft-store.js';
import { archiveRelease, queries, random } from './releases.js';
import { machine, ms, percentile, recordResults } from './results.js';

const SMALL = 10_000;
const LARGE = 100_000;
/** Releases written between two catch-ups of the search index (keeps the queued texts small). */
const CHUNK = 5_000;
const SEARCH_ROUNDS = 20;
const PAGE_ROUNDS = 50;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

test('search at 100,000 releases', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-search-'));
  const file = join(directory, 'pressestelle.sqlite');
  const db = openDatabase(file);
  try {
    // An archive across ministries: a release every 0 to 52 minutes from January 2022, 3 % in the trash.
    let clock = Date.parse('2022-01-03T07:00:00.000Z');
    const store = new DraftStore(db, { now: () => new Date(clock) });
    const next = random(7);
    let count = 0;
    const build = { writeMs: 0, indexMs: 0, checkpointMs: 0 };
    const grow = (to: number) => {
      db.transaction(() => {
        while (count < to) {
          const end = Math.min(to, count + CHUNK);
          build.writeMs += timed(() => {
            for (; count < end; count++) {
              clock += Math.floor(next() * 52 * 60_000);
              const draft = store.create(archiveRelease(next, count));
              if (next() < 0.03) store.delete(draft.id);
            }
          });
          build.indexMs += timed(() => store.flushSearchIndex());
        }
      })();
      build.checkpointMs += timed(() => db.pragma('wal_checkpoint(TRUNCATE)'));
    };

    // The baseline, 10,000 releases of the same archive, in a copy of the database at that size:
    // both are measured in turn, query by query, so a busy moment of the machine meets both.
    grow(SMALL);
    const smallFile = join(directory, 'small.sqlite');
    copyFileSync(file, smallFile);
    grow(LARGE);
    const smallDb = openDatabase(smallFile);
    const smallStore = new DraftStore(smallDb);
    const sizes = [
      { store, search: [] as number[], perQuery: new Map<string, number[]>(queries.map((query) => [query, []])), page: [] as number[] },
      { store: smallStore, search: [] as number[], perQuery: new Map<string, number[]>(queries.map((query) => [query, []])), page: [] as number[] },
    ] as const;
    for (const { store: each } of sizes) {
      for (const query of queries) each.search(query, { scope: 'active' }); // warm-up
      each.page('active', 100);
    }
    const load = loadavg()[0]!;
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      for (const query of queries) {
        for (const size of round % 2 === 0 ? sizes : [...sizes].reverse()) {
          const time = timed(() => size.store.search(query, { scope: 'active' }));
          size.search.push(time);
          size.perQuery.get(query)!.push(time);
        }
      }
    }
    for (let round = 0; round < PAGE_ROUNDS; round++) {
      for (const size of round % 2 === 0 ? sizes : [...sizes].reverse()) size.page.push(timed(() => size.store.page('active', 100)));
    }
    const [large, small] = sizes;
    smallStore.dispose();
    smallDb.close();

    // How many active releases each query matches at 100,000 (all its words, as the search asks).
    const hitCount = (query: string) => {
      const terms = queryTerms(query);
      const where = terms.map(() => 'instr(s.folded, ?) > 0').join(' AND ');
      return db.prepare(`SELECT COUNT(*) FROM articles a JOIN article_search s ON s.rowid = a.search_rowid WHERE a.deleted_at IS NULL AND ${where}`).pluck().get(...terms) as number;
    };

    const cell = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.95))}`;
    const row = (name: string, value: number[], baseline: number[], goal: string) =>
      `| ${name} | ${cell(value)} | ${cell(baseline)} | ${(percentile(value, 0.5) / percentile(baseline, 0.5)).toFixed(2)} | ${goal} |`;
    const total = store.page('active', 1).total;
    const section = recordResults(
      'search at 100,000 releases',
      machine(`, SQLite ${db.prepare('SELECT sqlite_version()').pluck().get() as string}, WAL, synchronous=NORMAL, a database file in a temp folder`),
      [
        `${LARGE.toLocaleString('en')} releases of the store bench's size and shape (about 3 KB of article JSON each), ten ministries, 25 places, 480 names, 400 compound words, one every 0–52 minutes from January 2022 (${total.toLocaleString('en')} active, the rest in the trash). Written through the draft store in one transaction in ${(build.writeMs / 1000).toFixed(1)} s, indexed for search in ${(build.indexMs / 1000).toFixed(1)} s (every ${CHUNK.toLocaleString('en')} releases), WAL checkpoint ${(build.checkpointMs / 1000).toFixed(1)} s; file ${(statSync(file).size / 2 ** 20).toFixed(0)} MB. Baseline: the same measurement at ${SMALL.toLocaleString('en')} releases (the first ones of the same archive, a copy of the database at that size), taken in turn with the one at ${LARGE.toLocaleString('en')}, query by query. Load average (1 minute) when measuring: ${load.toFixed(1)} on ${cpus().length} cores. Search: ${queries.length} German queries × ${SEARCH_ROUNDS} rounds after one warm-up round, scope "active", 50 hits at most, each with its passage; list: ${PAGE_ROUNDS} rounds.`,
        '',
        '| measure (median / p95) | at 100,000 | baseline: at 10,000 | ratio of medians | goal |',
        '| --- | --- | --- | --- | --- |',
        row(`search, ${queries.length} German queries × ${SEARCH_ROUNDS}`, large.search, small.search, 'p95 ≤ 20 ms'),
        row('first page of the list, 100 newest (and the total)', large.page, small.page, '≤ 5 ms'),
        '',
        '| query | active releases matching at 100,000 | median at 100,000 | median at 10,000 |',
        '| --- | --- | --- | --- |',
        ...queries.map((query) => `| ${query} | ${hitCount(query).toLocaleString('en')} | ${ms(percentile(large.perQuery.get(query)!, 0.5))} | ${ms(percentile(small.perQuery.get(query)!, 0.5))} |`),
      ].join('\n'),
    );
    console.log(section);
    store.dispose();
  } finally {
    db.close();
    rmSync(directory, { recursive: true, force: true });
  }
});
