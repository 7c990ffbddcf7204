import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BrowserEntryProcess } from './browser-entry.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

/** The fault suite: what bad luck does to a person typing. Each test reports what it measured. */

const CHARACTERS_PER_SECOND = 10;
const ROUNDS = 5;

function storedText(dataDirectory: string, title: string): string {
  const db = new Database(join(dataDirectory, 'pressestelle.sqlite'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const content = db.prepare<[string], string>('SELECT content FROM articles WHERE title = ?').pluck().get(title);
    const body = content ? (JSON.parse(content) as { body: { content?: Array<{ content?: Array<{ text?: string }> }> } }).body : { content: [] };
    return (body.content ?? []).map((block) => (block.content ?? []).map((node) => node.text ?? '').join('')).join('\n');
  } finally {
    db.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test('kill -9 while typing 10 characters a second: the text stored is exactly what was typed up to a moment before; the loss window is reported', async ({ app }) => {
  test.setTimeout(180_000);
  app.allowConsoleErrors = true; // the page loses its server on purpose
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  const windows: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const title = `Runde ${round}`;
    await list.createNew();
    await editor.title.fill(title);
    await editor.expectSaved();
    await editor.body.click();
    // Letters and single spaces only: nothing the German typography rules would change.
    const typed = Array.from({ length: 40 }, (_, index) => 'abcdefghi'[index % 9]).join('') + ' ';
    const stamps: number[] = [];
    const start = Date.now();
    for (let index = 0; index < typed.length * 3; index++) {
      const wait = start + index * (1000 / CHARACTERS_PER_SECOND) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await app.page.keyboard.type(typed[index % typed.length]!);
      stamps.push(Date.now());
      if (stamps.length >= 30 + round * 7) break;
    }
    const killedAt = Date.now();
    await app.entry.kill();
    const sequence = Array.from({ length: stamps.length }, (_, index) => typed[index % typed.length]).join('');
    const stored = storedText(app.dataDirectory, title);
    expect(sequence.startsWith(stored), `stored text is a prefix of what was typed: ${JSON.stringify(stored)}`).toBe(true);
    expect(stored.length).toBeGreaterThan(0);
    windows.push(killedAt - stamps[stored.length - 1]!);
    await app.startAgain();
  }
  const report = `loss window on kill -9 at ${CHARACTERS_PER_SECOND} characters/s over ${ROUNDS} rounds: median ${median(windows)} ms, max ${Math.max(...windows)} ms (${windows.join(', ')} ms)`;
  test.info().annotations.push({ type: 'measured', description: report });
  console.log(report);
});

/** A data folder on a small tmpfs of its own, so the disk can really run full; null where mounting is not allowed. */
function mountSmallDisk(megabytes: number): { path: string; unmount(): void } | null {
  const path = mkdtempSync(join(tmpdir(), 'pressestelle-voll-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', path], { stdio: 'pipe' });
  } catch {
    rmSync(path, { recursive: true, force: true });
    return null;
  }
  return {
    path,
    unmount() {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Writes a file until the disk refuses more; removing it frees the space again. */
function fillDisk(directory: string): string {
  const filler = join(directory, 'fuellung.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}

test('a full disk while typing: the app stays up, says so in German, keeps the text and saves everything once there is space', async ({ app, browser }) => {
  const disk = mountSmallDisk(16);
  test.skip(disk === null, 'A tmpfs cannot be mounted here (needs root); the unit test tests/unit/disk-full.test.ts covers SQLITE_FULL.');
  app.allowConsoleErrors = true; // the fixture's page loses its server: this test runs its own on the small disk
  await app.page.goto('about:blank');
  await app.entry.stop();
  const dataDirectory = join(disk!.path, 'daten');
  mkdirSync(dataDirectory);
  try {
    app.entry = await BrowserEntryProcess.start(dataDirectory);
    const page = await browser.newPage();
    await page.goto(app.entry.url);
    const list = new DraftListPage(page);
    const editor = new EditorPage(page);
    await list.createNew();
    await editor.title.fill('Platzmangel');
    await editor.body.click();
    await page.keyboard.type('vorher gesichert ');
    await editor.expectSaved();

    const filler = fillDisk(disk!.path);
    // Long enough for several saves and the search index's catch-up to meet the full disk.
    for (let index = 0; index < 12; index++) await page.keyboard.type(`voll${index} `, { delay: 20 });
    await expect(page.getByRole('alert').filter({ hasText: 'Speicherplatz voll – Ihr Text ist noch nicht gesichert' })).toBeVisible();
    await page.waitForTimeout(2_000);
    expect(app.entry.running, 'the app is still running').toBe(true);
    await expect(editor.body).toContainText('voll11');

    rmSync(filler);
    await expect(editor.saveState).toHaveText('Gespeichert', { timeout: 30_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Speicherplatz voll' })).toHaveCount(0);
    await page.goto('about:blank');
    await page.close();
    expect(await app.entry.stop()).toBe(0);
    const stored = storedText(dataDirectory, 'Platzmangel');
    expect(stored).toContain('vorher gesichert');
    for (let index = 0; index < 12; index++) expect(stored).toContain(`voll${index} `);
  } finally {
    await app.entry.stop();
    disk!.unmount();
    // The fixture stops this entry again and removes its own folder.
    app.entry = await BrowserEntryProcess.start(app.dataDirectory);
  }
});

test('when the app cannot read its own screens (a damaged installation), it says so in German instead of loading forever', async ({ app }) => {
  const page = app.page;
  // The failed load and the console.error naming it are the point here.
  app.allowConsoleErrors = true;
  // The entry (index-*.js) asks main for the language and loads the screens' chunk (boot-*.js).
  await page.route(/\/assets\/boot-[^/]*\.js$/, (route) => route.abort());
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('Pressestelle konnte nicht gestartet werden: Dateien des Programms fehlen oder sind beschädigt. Bitte installieren Sie Pressestelle neu; Ihre Pressemitteilungen sind davon nicht betroffen.');
  await page.unroute(/\/assets\/boot-[^/]*\.js$/);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toBeVisible();
});
