import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type Page } from '@playwright/test';
import { BrowserEntryProcess } from '../tests/e2e/browser-entry.js';
import { largeRelease, plainTextDocument } from './large-release.js';
import { machine, ms, percentile, recordResults } from './results.js';

const BLOCKS = 1_000;
const ROUNDS = 3;
const KEYSTROKES_PER_ROUND = 120;
const OPEN_RUNS = 5;
const baselineScript = fileURLToPath(new URL('../out/bench/baseline-editor.js', import.meta.url));

/** Time from keydown to the next painted frame, for every key typed from now on. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { latencies: number[] }).latencies = samples;
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
      },
      { capture: true },
    );
  });
}

/** Types ASCII (Playwright sends umlauts without keydown), spaced so keys do not queue up. */
async function typeRound(page: Page): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { latencies: number[] }).latencies.length = 0));
  for (let index = 0; index < KEYSTROKES_PER_ROUND; index++) {
    await page.keyboard.type(index % 8 === 7 ? ' ' : 'e');
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => [...(window as unknown as { latencies: number[] }).latencies]);
}

test('editor: keystroke latency and time to open a 1,000-block release', async ({ browser }) => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-'));
  const entry = await BrowserEntryProcess.start(dataDirectory);
  try {
    const url = new URL(entry.url);
    const token = url.searchParams.get('token')!;
    const article = largeRelease(BLOCKS);
    const created = (await (
      await fetch(new URL('/api/drafts.create', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-pressestelle-token': token },
        body: JSON.stringify({ input: { article } }),
      })
    ).json()) as { ok: boolean; value: { id: string } };
    if (!created.ok) throw new Error(`could not create the benchmark release: ${JSON.stringify(created)}`);

    const app = await browser.newPage();
    await app.goto(entry.url);
    await app.goto(new URL(`/#/pressemitteilung/${created.value.id}`, url).href);
    const ready = () => app.waitForFunction((count) => (document.querySelector('.article-body')?.childElementCount ?? 0) >= count, BLOCKS, { timeout: 60_000 });
    await ready();
    const openTimes: number[] = [];
    for (let run = 0; run < OPEN_RUNS; run++) {
      await app.reload();
      await ready();
      openTimes.push(await app.evaluate(() => performance.now()));
    }
    await app.locator('.article-body > p').nth(40).click();
    await app.keyboard.press('End');
    await installProbe(app);

    const baseline = await browser.newPage();
    await baseline.setContent('<!doctype html><html lang="de"><head><title>Baseline</title></head><body></body></html>');
    await baseline.addScriptTag({ content: readFileSync(baselineScript, 'utf8') });
    await baseline.evaluate((content) => (window as unknown as { mountBaseline: (value: unknown) => void }).mountBaseline(content), plainTextDocument(article));
    await baseline.locator('.ProseMirror > p').nth(500).click();
    await baseline.keyboard.press('End');
    await installProbe(baseline);

    // Alternate rounds so both see the same machine load.
    const appSamples: number[] = [];
    const baselineSamples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await app.bringToFront();
      appSamples.push(...(await typeRound(app)));
      await baseline.bringToFront();
      baselineSamples.push(...(await typeRound(baseline)));
    }

    const appMedian = percentile(appSamples, 0.5);
    const baseMedian = percentile(baselineSamples, 0.5);
    const appP95 = percentile(appSamples, 0.95);
    const baseP95 = percentile(baselineSamples, 0.95);
    const openMedian = percentile(openTimes, 0.5);
    const section = recordResults(
      'editor',
      machine(`, Chromium ${browser.version()} (headless)`),
      [
        `Release of ${BLOCKS} top-level blocks, every block kind in turn; ${ROUNDS * KEYSTROKES_PER_ROUND} keystrokes each, typed into a paragraph, alternating with the baseline (bare TipTap StarterKit holding the same text as plain paragraphs). Latency: keydown until the next painted frame.`,
        '',
        '| measure | Pressestelle editor | baseline | ratio | goal |',
        '| --- | --- | --- | --- | --- |',
        `| keystroke median | ${ms(appMedian)} | ${ms(baseMedian)} | ${(appMedian / baseMedian).toFixed(2)} | ≤ 1.5 |`,
        `| keystroke p95 | ${ms(appP95)} | ${ms(baseP95)} | ${(appP95 / baseP95).toFixed(2)} | |`,
        `| open until editable (median of ${OPEN_RUNS}) | ${ms(openMedian)} | | | ≤ 1000 ms |`,
      ].join('\n'),
    );
    console.log(section);
  } finally {
    await entry.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
