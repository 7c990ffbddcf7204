import { closeSync, openSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { WORD_FILE_TYPE, WORD_IMPORT_LIMIT } from '../../common/word-import.js';
import { imagesDocument, styledDocument, trackedChangesDocument } from '../fixtures/word-documents.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';

/** Drops a file onto the list of releases, as a person drags one from the file manager. */
async function dropOnList(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ fileName, type, data }) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([new Uint8Array(data)], fileName, { type }));
      return dataTransfer;
    },
    { fileName: name, type: WORD_FILE_TYPE, data: [...bytes] },
  );
  const zone = page.getByRole('region', { name: 'Pressemitteilungen' });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByRole('status').filter({ hasText: 'Word-Datei (.docx) hier ablegen' })).toBeVisible();
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

test('"Word-Datei importieren" turns a .docx into a new release with its blocks, opens it and runs the checks', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  const blocks = new BlockEditor(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Word-Datei importieren' }).click();
  await (await chooser).setFiles({ name: 'Bibliotheken.docx', mimeType: WORD_FILE_TYPE, buffer: await styledDocument() });

  await expect(editor.title).toHaveValue('Land fördert Bibliotheken');
  await expect(editor.lead).toHaveValue('Das Land gibt 2026 zwei Millionen Euro für Bibliotheken.');
  await expect(page.getByTestId('notice')).toContainText('„Land fördert Bibliotheken“ wurde aus der Word-Datei „Bibliotheken.docx“ als neue Pressemitteilung importiert.');
  await expect(page.getByTestId('notice')).toContainText('Die Kommentare der Word-Datei „Bibliotheken.docx“ wurden nicht übernommen.');
  await expect(editor.body.locator('h2')).toHaveText(['Worum es geht', 'Wer gefördert wird', 'Ausblick', 'Anmerkungen']);
  await expect(editor.body.locator('h3')).toHaveText(['Ablauf']);
  await expect(editor.body.locator('ul > li > ul > li')).toHaveText(['mit Zweigstellen']);
  await expect(editor.body.locator('ol > li > ol > li')).toHaveText(['online']);
  await expect(editor.body.getByRole('link', { name: 'Förderaufruf 2026' })).toHaveAttribute('href', 'https://example.org/foerderung/richtlinie?jahr=2026&art=b%C3%BCcher#abschnitt-2');
  await expect(editor.body.locator('sup')).toHaveText(['1']);
  await expect(editor.body.locator('ol').last()).toHaveText('Richtlinie vom 1. Februar 2026.');

  // The editor may add an empty paragraph after a list at the very end (to type after it): not part of the import.
  await editor.expectSaved();
  const stored = (await blocks.storedBody()).content;
  const types = stored.filter((node, index) => !(index === stored.length - 1 && node.type === 'paragraph' && !node.content?.length)).map((node) => node.type);
  expect(types).toEqual(['heading', 'paragraph', 'heading', 'bulletList', 'heading', 'orderedList', 'paragraph', 'heading', 'paragraph', 'heading', 'orderedList']);
  // The checks run as for any release: the link text "hier" says nothing.
  await expect(page.getByRole('region', { name: 'Prüfung' })).toContainText('Der Linktext „hier“ sagt nicht, wohin der Link führt.');

  await editor.back();
  await expect(new DraftListPage(page).item('Land fördert Bibliotheken')).toBeVisible();
});

test('a .docx dropped onto the list becomes a release: images with alt text and caption; a missing alt text is reported', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await dropOnList(page, 'Schule.docx', await imagesDocument());

  await expect(editor.title).toHaveValue('Ministerin eröffnet Schule');
  const images = editor.body.locator('.ce-textmedia img');
  await expect(images).toHaveCount(2);
  await expect(images.first()).toHaveAttribute('alt', 'Die Ministerin schneidet ein Band durch');
  await expect(editor.body.locator('.ce-textmedia').first().locator('.ce-caption')).toHaveText('Eröffnung am Montag in Neustadt');
  // The image is served from the media store.
  await expect.poll(() => images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Prüfung' })).toContainText('Das Bild „Bild 2 aus Schule.docx“ hat keinen Alternativtext.');
});

test('tracked changes come in as Word\'s final version with a notice; a damaged file and one over 50 MB (unread) are refused by name and create nothing', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  const list = new DraftListPage(page);
  await dropOnList(page, 'Änderungen.docx', await trackedChangesDocument());
  await expect(editor.title).toHaveValue('Mit Änderungen');
  await editor.expectParagraphs(['Die Förderung beträgt 3 Millionen Euro.']);
  await expect(page.getByTestId('notice')).toContainText('enthält nachverfolgte Änderungen. Übernommen wurde die endgültige Fassung');

  await editor.back();
  const whole = await trackedChangesDocument();
  await page.getByLabel('Pressemitteilung aus Word-Datei importieren').setInputFiles({ name: 'Abgeschnitten.docx', mimeType: WORD_FILE_TYPE, buffer: whole.subarray(0, 200) });
  await expect(page.getByTestId('notice')).toHaveText(
    'Die Word-Datei „Abgeschnitten.docx“ ist beschädigt oder unvollständig und kann nicht gelesen werden. Öffnen Sie sie in Word, speichern Sie sie neu und importieren Sie sie erneut. Es wurde nichts importiert.',
  );
  await expect(list.list.getByRole('listitem')).toHaveCount(1);

  // Over 50 MB: refused by its size, never read or sent.
  const sent: string[] = [];
  page.on('request', (request) => sent.push(request.url()));
  const large = join(app.dataDirectory, 'Riesig.docx');
  closeSync(openSync(large, 'w'));
  // A sparse file: 50 MB and a byte, without writing them.
  truncateSync(large, WORD_IMPORT_LIMIT + 1);
  await page.getByLabel('Pressemitteilung aus Word-Datei importieren').setInputFiles(large);
  await expect(page.getByTestId('notice')).toHaveText('Die Word-Datei „Riesig.docx“ ist zu groß (50 MB); höchstens 50 MB sind möglich. Es wurde nichts importiert.');
  expect(sent.filter((url) => url.includes('importWord'))).toEqual([]);
  await expect(list.list.getByRole('listitem')).toHaveCount(1);
});
