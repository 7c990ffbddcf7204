import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { clipboardOutlines } from '../fixtures/clipboard/expected.js';
import { outline, type OutlineNode } from '../fixtures/outline.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/clipboard/${name}`, import.meta.url)), 'utf8');

/** A paste event as the browser fires it for Ctrl+V, with what the office program put on the clipboard. */
async function paste(page: Page, data: { html?: string; text: string }): Promise<void> {
  await page.locator('.ProseMirror').evaluate((editor, clipboard) => {
    const transfer = new DataTransfer();
    if (clipboard.html !== undefined) transfer.setData('text/html', clipboard.html);
    transfer.setData('text/plain', clipboard.text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

type Outline = string[];

/** The stored body in outline (see tests/fixtures/outline.ts), empty paragraphs left out. */
async function storedOutline(page: Page): Promise<Outline> {
  return outline((await new BlockEditor(page).storedBody()) as unknown as OutlineNode).filter((line) => line !== 'p ');
}

async function newRelease(page: Page, title: string): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.title.fill(title);
  await editor.body.click();
  await page.keyboard.type('Schon da.');
  await page.keyboard.press('Enter');
  await editor.expectSaved();
  return editor;
}

const cases: Array<{ name: string; file: keyof typeof clipboardOutlines; plain: string }> = [
  { name: 'Word 365 for Windows', file: 'word-windows.html', plain: 'Neue Förderrichtlinie für Kommunen' },
  { name: 'Word for Mac', file: 'word-mac.html', plain: 'Zeitplan' },
  { name: 'LibreOffice', file: 'libreoffice.html', plain: 'Bilanz des Jahres' },
  { name: 'Google Docs', file: 'google-docs.html', plain: 'Digitale Verwaltung' },
];

for (const { name, file, plain } of cases) {
  test(`pasted from ${name}: real lists with their levels, headings, a header row, exact links, no empty paragraphs; the text already there stays`, async ({ app }) => {
    const editor = await newRelease(app.page, `Aus ${name}`);
    await paste(app.page, { html: fixture(file), text: plain });
    await editor.expectSaved();
    await expect.poll(() => storedOutline(app.page)).toEqual(['p Schon da.', ...clipboardOutlines[file]]);
    const html = await editor.body.innerHTML();
    expect(html).not.toMatch(/mso-|Mso|font-family|docs-internal-guid/);
    if (file === 'word-windows.html') {
      await expect(editor.body.locator('a[href="https://finanzen.thueringen.de/foerderung?jahr=2027&art=kommunal#antrag"]')).toHaveText('der Seite des Ministeriums');
      await expect(app.page.getByRole('alert')).toContainText('Eingefügte Bilder (1) liegen als Dateien auf dem Rechner');
    }
  });
}

test('pasted blocks get ids of their own, also when a paste splits a paragraph in two', async ({ app }) => {
  const editor = await newRelease(app.page, 'Ids');
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.press('ArrowLeft');
  await app.page.keyboard.press('ArrowLeft');
  // Twice the same Word table, into the middle of "Schon da."
  await paste(app.page, { html: fixture('libreoffice.html'), text: 'x' });
  await paste(app.page, { html: fixture('libreoffice.html'), text: 'x' });
  await editor.expectSaved();
  const ids = await app.page.evaluate(async () => {
    const id = decodeURIComponent(location.hash.replace('#/pressemitteilung/', ''));
    const result = await window.pressestelle.drafts.get({ id });
    if (!result.ok) throw new Error(result.error.message);
    const found: string[] = [];
    const walk = (node: { attrs?: { id?: string | null }; content?: unknown[] }) => {
      if (node.attrs && 'id' in node.attrs) found.push(String(node.attrs.id));
      for (const child of node.content ?? []) walk(child as typeof node);
    };
    walk(result.value.article.body as never);
    return found;
  });
  expect(ids.length).toBeGreaterThan(20);
  expect(ids.filter((id) => id === 'null' || id === 'undefined')).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
});

test('plain text with typed bullets and numbers becomes one list each, not one list per line', async ({ app }) => {
  const editor = await newRelease(app.page, 'Aus einer E-Mail');
  await paste(app.page, { text: 'Die Schritte:\n• Antrag stellen\n- Unterlagen beifügen\n– Bescheid abwarten\n1. Erstens\n2) Zweitens\na) Drittens\nEnde.' });
  await editor.expectSaved();
  await expect
    .poll(() => storedOutline(app.page))
    .toEqual(['p Schon da.', 'p Die Schritte:', '• Antrag stellen', '• Unterlagen beifügen', '• Bescheid abwarten', '1. Erstens', '1. Zweitens', '1. Drittens', 'p Ende.']);
});

test('the one-click fix for typed list items turns the whole run into one list, in one undo step', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.title.fill('Listenpunkte');
  // "• " typed (or pasted line by line) stays text; "- " would become a list as it is typed.
  await editor.typeParagraphs(['Die Schritte:', '• Antrag stellen', '• Unterlagen beifügen', '• Bescheid abwarten', 'Danach geht es weiter.']);
  const panel = page.getByRole('region', { name: 'Prüfung' });
  await expect(panel.getByRole('listitem').filter({ hasText: 'sieht aus wie ein Listenpunkt' })).toHaveCount(3);
  await panel.getByRole('listitem').filter({ hasText: 'sieht aus wie ein Listenpunkt' }).first().getByRole('button', { name: 'Beheben: In Aufzählung umwandeln' }).click();
  await expect(editor.body.locator('ul')).toHaveCount(1);
  await expect(editor.body.locator('ul > li')).toHaveText(['Antrag stellen', 'Unterlagen beifügen', 'Bescheid abwarten']);
  await expect(panel.getByRole('listitem').filter({ hasText: 'sieht aus wie ein Listenpunkt' })).toHaveCount(0);
  await editor.expectSaved();
  await expect.poll(() => storedOutline(page)).toEqual(['p Die Schritte:', '• Antrag stellen', '• Unterlagen beifügen', '• Bescheid abwarten', 'p Danach geht es weiter.']);
  // One undo brings all three paragraphs back.
  await editor.body.locator('ul > li').first().click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.body.locator('ul')).toHaveCount(0);
  await expect(panel.getByRole('listitem').filter({ hasText: 'sieht aus wie ein Listenpunkt' })).toHaveCount(3);
});
