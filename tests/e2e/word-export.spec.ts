import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { wordStyleMap } from '../../main/services/word-styles.js';
import { bluePng, orangePng, pdfBytes, vttBytes } from '../fixtures/media.js';
import { expect, test } from './fixtures.js';

const demo = JSON.parse(readFileSync(new URL('../fixtures/demo-release.json', import.meta.url), 'utf8')) as { meta: { title: string; lead: string } };

/** The demo release with its files as a release file, as "Datei importieren" takes it. */
function demoReleaseFile(): Buffer {
  const media = [
    ['gewoelbe.png', 'image/png', bluePng],
    ['bibliothek.png', 'image/png', orangePng],
    ['haushalt-2027.pdf', 'application/pdf', pdfBytes],
    ['podium.vtt', 'text/vtt', vttBytes],
  ].map(([name, mimeType, bytes]) => ({
    sha256: createSha256(bytes as Buffer),
    mimeType,
    name,
    data: (bytes as Buffer).toString('base64'),
  }));
  return Buffer.from(JSON.stringify({ format: 'pressestelle/release-file', formatVersion: 1, exportedAt: new Date().toISOString(), article: demo, media }));
}

function createSha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

test('"Als Word-Datei exportieren" writes a .docx that reads back; "Drucken" shows the release for print, its PDF with title, ENTWURF and page numbers', async ({ app }, testInfo) => {
  const page = app.page;
  await page.getByLabel('Pressemitteilung aus Datei importieren').setInputFiles({ name: 'demo.pressemitteilung.json', mimeType: 'application/json', buffer: demoReleaseFile() });
  await expect(page.locator('article.article-form').getByLabel('Titel', { exact: true })).toHaveValue(demo.meta.title);

  // The Word file, read back with mammoth.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als Word-Datei exportieren' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Schneller-und-effizienter-zur-digitalen-Verwaltung.*\.docx$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Word-Datei' })).toContainText(download.suggestedFilename());
  const { value: html } = await mammoth.convertToHtml({ path: await download.path() }, { styleMap: [...wordStyleMap] });
  expect(html).toContain('<p class="draft">ENTWURF – nicht zur Veröffentlichung</p>');
  expect(html).toContain(`<h1 class="title">${demo.meta.title}</h1>`);
  expect(html).toContain('<p class="dateline">Erfurt, 26. November 2026</p>');
  expect(html).toContain(`<p class="lead">${demo.meta.lead}</p>`);
  expect(html).toContain('<h2>Alle Bausteine des Portals</h2>');
  expect(html).toContain('<thead><tr><th><p>Jahr</p></th>');
  expect(html).toContain('<img alt="Gewölbe mit Ausstellungsstücken" src="data:image/png;base64,');
  expect(html).toContain('<a href="https://finanzen.thueringen.de/haushalt">Zum Haushaltsentwurf 2027</a>');
  expect(html).toContain('<p class="speaker">– Dr. Hartmut Schubert, Thüringer Finanzstaatssekretär und CIO</p>');

  // "Drucken" opens the print view and its print dialog (counted here: headless Chromium has none).
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Drucken', exact: true }).click();
  await expect(page).toHaveURL(/#\/drucken\//);
  const view = page.getByRole('region', { name: 'Druckansicht' });
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(demo.meta.title);
  await expect(view.getByText('ENTWURF – nicht zur Veröffentlichung')).toBeVisible();
  await expect(view.locator('.print-sheet[data-ready="true"]')).toBeAttached();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // The browser entry has no "Als PDF speichern" of its own (the print dialog has one).
  await expect(view.getByRole('button', { name: 'Als PDF speichern' })).toHaveCount(0);

  const pdfPath = join(testInfo.outputDir, 'druck.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('Schneller und effizienter zur digitalen Verwaltung');
  expect(flat).toContain('ENTWURF – nicht zur Veröffentlichung');
  expect(flat).toMatch(/Seite 1 von \d+/);
  // Link addresses after link texts (a long one may break across lines).
  expect(text.replace(/\s+/g, '')).toContain('ZumHaushaltsentwurf2027(https://finanzen.thueringen.de/haushalt)');
  expect(flat).toContain('Pressekontakt Pressestelle des Finanzministeriums E-Mail: presse@tfm.thueringen.de');
  // Only the sheet is printed: no app bar, no toolbar.
  expect(flat).not.toContain('Papierkorb');
  expect(flat).not.toContain('Zurück zum Bearbeiten');
  // A4: 595 × 842 points.
  expect(execFileSync('pdfinfo', [pdfPath]).toString()).toMatch(/Page size:.*\(A4\)/);
});
