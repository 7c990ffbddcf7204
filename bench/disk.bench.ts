import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, type Page } from '@playwright/test';
import { BrowserEntryProcess } from '../tests/e2e/browser-entry.js';
import { largeRelease } from './large-release.js';
import { machine, ms, percentile, recordResults } from './results.js';

const SAMPLES = 30;

/**
 * From a keystroke to the text on disk: a marker is typed, and the database file is polled
 * read-only (a second connection, as a crash would leave it to the next start) until the
 * stored release holds it. This is the window a crash can lose.
 */
async function keystrokeToDisk(page: Page, database: Database.Database, id: string): Promise<number[]> {
  const stored = database.prepare<[string], string>('SELECT content FROM articles WHERE id = ?').pluck();
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    const marker = `q${sample}x`;
    const start = Date.now();
    await page.keyboard.type(marker);
    for (;;) {
      if ((stored.get(id) ?? '').includes(marker)) break;
      if (Date.now() - start > 10_000) throw new Error(`${marker} not on disk after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(Date.now() - start);
    // Typing goes on as people type: a pause between words.
    await page.keyboard.type(' ');
    await page.waitForTimeout(150);
  }
  return times;
}

test('disk: a keystroke on disk, in a 16-block and a 1,000-block release', async ({ browser }) => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-disk-'));
  const entry = await BrowserEntryProcess.start(dataDirectory);
  const database = new Database(join(dataDirectory, 'pressestelle.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const url = new URL(entry.url);
    const create = async (blocks: number) => {
      const response = await fetch(new URL('/api/drafts.create', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-pressestelle-token': entry.token },
        body: JSON.stringify({ input: { article: largeRelease(blocks) } }),
      });
      const created = (await response.json()) as { ok: boolean; value: { id: string } };
      if (!created.ok) throw new Error('could not create the benchmark release');
      return created.value.id;
    };
    const rows: string[] = [];
    const page = await browser.newPage();
    await page.goto(entry.url);
    for (const blocks of [16, 1_000]) {
      const id = await create(blocks);
      await page.goto(new URL(`/#/pressemitteilung/${id}`, url).href);
      await page.waitForFunction((count) => (document.querySelector('.article-body')?.childElementCount ?? 0) >= count, Math.min(blocks, 16), { timeout: 60_000 });
      await page.locator('.article-body > p').first().click();
      await page.keyboard.press('End');
      const times = await keystrokeToDisk(page, database, id);
      rows.push(`| ${blocks.toLocaleString('en')} blocks | ${ms(percentile(times, 0.5))} | ${ms(percentile(times, 0.95))} | ≤ 300 ms / ≤ 600 ms (1,000 blocks) |`);
    }
    const section = recordResults(
      'keystroke to disk',
      machine(`, Chromium ${browser.version()} (headless)`),
      [
        `A marker typed into the first paragraph, then the database file polled read-only every 5 ms until the stored release holds it; ${SAMPLES} samples per release, 150 ms pause between them. The autosave saves 300 ms after the last change and at least every 400 ms while typing.`,
        '',
        '| release | median | p95 | goal (median / p95) |',
        '| --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
    console.log(section);
  } finally {
    database.close();
    await entry.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
