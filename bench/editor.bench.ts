import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type Browser, type Page } from '@playwright/test';
import type { DocumentNode } from '../common/article.js';
import { BrowserEntryProcess } from '../tests/e2e/browser-entry.js';
import { callEntry, createRelease, largeRelease, plainTextDocument } from './large-release.js';
import { machine, ms, percentile, recordResults } from './results.js';
import { countReactCommits, footprint, installKeystrokeProbe, loadAnew, takeReactCommits, tracedRound, typeRound, watchOpen, type MainThreadWork } from './typing.js';

const SIZES = [100, 1_000, 5_000];
const FIRST_OPENS = 5;
const LATER_OPENS = 5;
/** Rounds of 120 keys per page, alternating: the load of this shared machine comes in bursts, so each ratio is also taken round by round. */
const ROUNDS = 6;
const baselineScripts = {
  bare: fileURLToPath(new URL('../out/bench/baseline-editor.js', import.meta.url)),
  schema: fileURLToPath(new URL('../out/bench/baseline-schema.js', import.meta.url)),
};
type BaselineServer = Awaited<ReturnType<typeof baselineServer>>;

/** Serves a baseline (bare TipTap) the way the app is served: a page, its script, the document fetched as JSON. */
async function baselineServer(baselineScript: string, style = ''): Promise<{ origin: string; setContent(content: DocumentNode): void; close(): Promise<void> }> {
  let content = '{}';
  const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Baseline</title>${style ? `<style>${style}</style>` : ''}</head><body><script src="/baseline.js"></script><script>fetch("/content.json").then((r) => r.json()).then((c) => mountBaseline(c));</script></body></html>`;
  const server: Server = createServer((request, response) => {
    // The page loadAnew comes from.
    if (request.url === '/favicon.svg') return void response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const [type, body] = request.url === '/baseline.js' ? ['text/javascript', readFileSync(baselineScript, 'utf8')] : request.url === '/content.json' ? ['application/json', content] : ['text/html; charset=utf-8', page];
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setContent: (document) => (content = JSON.stringify(document)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function storedBody(entry: BrowserEntryProcess, id: string): Promise<DocumentNode> {
  return (await callEntry<{ article: { body: DocumentNode } }>(entry, 'drafts.get', { id })).article.body;
}

/** A paragraph in the middle of the document, the caret at its end, the probe installed. */
async function placeCaret(page: Page, paragraphs: string): Promise<void> {
  const count = await page.locator(paragraphs).count();
  await page.locator(paragraphs).nth(Math.floor(count / 2)).click();
  await page.keyboard.press('End');
  await installKeystrokeProbe(page);
}

interface SizeResult {
  size: number;
  first: number[];
  later: number[];
  baseline: number[];
  /** Bare TipTap with the catalog's schema holding the same document. */
  schema: number[];
  app: { nodes: number; heap: number };
  bare: { nodes: number; heap: number };
  schemaFootprint: { nodes: number; heap: number };
  /** Keystroke latencies, one array per round. */
  keys: number[][];
  /** React commits in the app while its keystrokes were typed. */
  commits: number;
  baseKeys: number[][];
  schemaKeys: number[][];
  /** Main-thread work per keystroke in one traced round after the others: app, baseline, same schema. */
  work: MainThreadWork[];
}

async function measure(browser: Browser, entry: BrowserEntryProcess, bare: BaselineServer, schema: BaselineServer, size: number): Promise<SizeResult> {
  const ids: string[] = [];
  for (let run = 0; run < FIRST_OPENS; run++) ids.push(await createRelease(entry, size));
  bare.setContent(plainTextDocument(largeRelease(size)));
  // The document as the app stores it (every node with its id), so neither side gives ids at open.
  schema.setContent(await storedBody(entry, ids[0]!));
  const origin = new URL(entry.url).origin;
  const app = await browser.newPage();
  await countReactCommits(app);
  await app.goto(entry.url); // keeps the launch token in the tab
  await watchOpen(app, '.article-body', size);
  const baseline = await browser.newPage();
  await watchOpen(baseline, '.ProseMirror', size);
  const sameSchema = await browser.newPage();
  await watchOpen(sameSchema, '.ProseMirror', size);
  // Each baseline loaded once unmeasured, as the app was (its code compiled, its tab warm).
  await loadAnew(baseline, bare.origin);
  await loadAnew(sameSchema, schema.origin);
  const result: SizeResult = { size, first: [], later: [], baseline: [], schema: [], app: { nodes: 0, heap: 0 }, bare: { nodes: 0, heap: 0 }, schemaFootprint: { nodes: 0, heap: 0 }, keys: [], commits: 0, baseKeys: [], schemaKeys: [], work: [] };
  // Interleaved, so all see the same machine load.
  for (const id of ids) {
    result.first.push(await loadAnew(app, `${origin}/#/pressemitteilung/${id}`));
    result.baseline.push(await loadAnew(baseline, bare.origin));
    result.schema.push(await loadAnew(sameSchema, schema.origin));
  }
  for (let run = 0; run < LATER_OPENS; run++) {
    result.later.push(await loadAnew(app, `${origin}/#/pressemitteilung/${ids.at(-1)}`));
    result.baseline.push(await loadAnew(baseline, bare.origin));
    result.schema.push(await loadAnew(sameSchema, schema.origin));
  }
  result.app = await footprint(app);
  result.bare = await footprint(baseline);
  result.schemaFootprint = await footprint(sameSchema);
  await placeCaret(app, '.article-body > p');
  await placeCaret(baseline, '.ProseMirror > p');
  await placeCaret(sameSchema, '.ProseMirror > p');
  for (let round = 0; round < ROUNDS; round++) {
    await app.bringToFront();
    await takeReactCommits(app);
    result.keys.push(await typeRound(app));
    result.commits += await takeReactCommits(app);
    await baseline.bringToFront();
    result.baseKeys.push(await typeRound(baseline));
    await sameSchema.bringToFront();
    result.schemaKeys.push(await typeRound(sameSchema));
  }
  for (const page of [app, baseline, sameSchema]) {
    await page.bringToFront();
    result.work.push(await tracedRound(page));
  }
  await app.close();
  await baseline.close();
  await sameSchema.close();
  return result;
}

/** The loads of the first-open phase and of the later-open phase (baselines are loaded in both, interleaved). */
const firstPhase = (values: number[]) => values.slice(0, FIRST_OPENS);
const laterPhase = (values: number[]) => values.slice(FIRST_OPENS);
const both = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.95))}`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
/** The p95 ratio of each round to the round of the other page next to it: median, and lowest–highest. */
function roundRatios(app: number[][], other: number[][]): string {
  const ratios = app.map((round, index) => percentile(round, 0.95) / percentile(other[index]!, 0.95)).sort((a, b) => a - b);
  return `${percentile(ratios, 0.5).toFixed(2)} (${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)})`;
}

test('editor: open, footprint and keystrokes at 100, 1,000 and 5,000 blocks against bare TipTap and the same schema', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-bench-'));
  const entry = await BrowserEntryProcess.start(dataDirectory);
  const bare = await baselineServer(baselineScripts.bare);
  // With the app's one layout rule for long releases (renderer/src/styles.css): blocks off screen skip layout.
  const schema = await baselineServer(baselineScripts.schema, '.ProseMirror > * { content-visibility: auto; contain-intrinsic-size: auto 4rem; }');
  try {
    const results: SizeResult[] = [];
    for (const size of SIZES) results.push(await measure(browser, entry, bare, schema, size));
    const median = (values: number[]) => percentile(values, 0.5);
    const p95 = (values: number[]) => percentile(values, 0.95);
    const section = recordResults(
      'editor',
      machine(`, Chromium ${browser.version()} (headless)`),
      [
        `Releases of 100, 1,000 and 5,000 top-level blocks, every block kind in turn (files left out). Baseline: bare TipTap StarterKit holding the same text as plain paragraphs, served the same way (a page, its script, the document fetched as JSON); the goals are set against it. Same schema: bare TipTap with the block catalog's extensions holding the very same document, served the same way, with the app's layout rule for long releases (blocks off screen skip layout: content-visibility): what the app costs beyond it is the app (React, screens, checks, plugins), what both cost beyond the first baseline is the release's own structure (tables, figures, columns). From 200 blocks the app also draws its structured blocks far from the view as one element with their text (renderer/src/editor/offscreen-blocks.ts); the same-schema baseline draws every block, hence fewer DOM nodes in the app than in it at 1,000 and 5,000 blocks. Open: from the start of the navigation until every block is in the DOM and the next frame is painted with the main thread free; each page is loaded anew from a page of its own origin (bench/typing.ts loadAnew: from about:blank, Chromium would start a new renderer process for the app's page alone, which sends Cross-Origin-Opener-Policy; runs before 2026-12-03 15:30 paid that, about 200 ms, for the app only), once the machine is quiet (its CPUs at least 90 % idle over 300 ms: bench/typing.ts quietMachine), each page loaded once unmeasured first. First open: ${FIRST_OPENS} releases, each opened for the first time after it was stored; later opens: ${LATER_OPENS} reloads of one of them; all interleaved with baseline loads, and each ratio taken against the baseline loads of its own phase (first or later opens; runs before 2026-12-03 18:30 pooled both phases' baseline loads). Footprint after the last open: DOM nodes of the page (elements, text, comments) and the V8 heap after a full garbage collection. Keystrokes: ${ROUNDS} rounds of 120 typed into a paragraph in the middle, keydown until the next painted frame, rounds alternating between the three; the p95 ratios are given pooled and round by round (each app round against the baseline's round right after it), since the load of this machine comes in bursts that can fall on one page's round; React commits counted in the app over those keystrokes and the 300 ms after each round (each commit walks the focused editor's text up to the caret). Then one more round per page, traced: the main thread's busy time (over the round and the 300 ms after it) and its layouts per keystroke, which depend less on the machine's other load than latency (the layout count not at all).`,
        '',
        '| blocks | first open (median / p95) | later opens | baseline | same schema | first ÷ baseline | later ÷ baseline | first ÷ later (each ÷ its baseline) | later ÷ same schema | goal (open ÷ baseline) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...results.map((r) => {
          const [first, later] = [median(r.first) / median(firstPhase(r.baseline)), median(r.later) / median(laterPhase(r.baseline))];
          return `| ${r.size.toLocaleString('en')} | ${both(r.first)} | ${both(r.later)} | ${both(r.baseline)} | ${both(r.schema)} | ${first.toFixed(2)} | ${later.toFixed(2)} | ${(first / later).toFixed(2)} | ${ratio(median(r.later), median(laterPhase(r.schema)))} | ${r.size >= 5_000 ? '≤ 2' : r.size >= 1_000 ? '≤ 1.5' : ''} |`;
        }),
        '',
        '| blocks | DOM nodes (app / baseline / same schema) | ÷ baseline | ÷ same schema | heap (app / baseline / same schema) | ÷ baseline | ÷ same schema | goal (÷ baseline) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...results.map((r) => `| ${r.size.toLocaleString('en')} | ${r.app.nodes} / ${r.bare.nodes} / ${r.schemaFootprint.nodes} | ${ratio(r.app.nodes, r.bare.nodes)} | ${ratio(r.app.nodes, r.schemaFootprint.nodes)} | ${mib(r.app.heap)} / ${mib(r.bare.heap)} / ${mib(r.schemaFootprint.heap)} | ${ratio(r.app.heap, r.bare.heap)} | ${ratio(r.app.heap, r.schemaFootprint.heap)} | ≤ 2 |`),
        '',
        '| blocks | keystroke median (app / baseline / same schema) | ÷ baseline | ÷ same schema | keystroke p95 (app / baseline / same schema) | ÷ baseline | ÷ same schema | p95 ÷ baseline, round by round: median (lowest–highest) | p95 ÷ same schema, round by round | goal (÷ baseline) | React commits while typing |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...results.map((r) => {
          const [keys, baseKeys, schemaKeys] = [r.keys.flat(), r.baseKeys.flat(), r.schemaKeys.flat()];
          return `| ${r.size.toLocaleString('en')} | ${ms(median(keys))} / ${ms(median(baseKeys))} / ${ms(median(schemaKeys))} | ${ratio(median(keys), median(baseKeys))} | ${ratio(median(keys), median(schemaKeys))} | ${ms(p95(keys))} / ${ms(p95(baseKeys))} / ${ms(p95(schemaKeys))} | ${ratio(p95(keys), p95(baseKeys))} | ${ratio(p95(keys), p95(schemaKeys))} | ${roundRatios(r.keys, r.baseKeys)} | ${roundRatios(r.keys, r.schemaKeys)} | ${r.size >= 5_000 ? 'p95 ≤ 1.5' : 'median ≤ 1.5'} | ${r.commits} |`;
        }),
        '',
        '| blocks | main thread busy per keystroke (app / baseline / same schema) | ÷ baseline | ÷ same schema | layouts per keystroke (app / baseline / same schema) |',
        '| --- | --- | --- | --- | --- |',
        ...results.map(({ size, work: [app, bare, schema] }) => `| ${size.toLocaleString('en')} | ${ms(app!.busy)} / ${ms(bare!.busy)} / ${ms(schema!.busy)} | ${ratio(app!.busy, bare!.busy)} | ${ratio(app!.busy, schema!.busy)} | ${app!.layouts.toFixed(2)} / ${bare!.layouts.toFixed(2)} / ${schema!.layouts.toFixed(2)} |`),
      ].join('\n'),
    );
    console.log(section);
  } finally {
    await bare.close();
    await schema.close();
    await entry.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
