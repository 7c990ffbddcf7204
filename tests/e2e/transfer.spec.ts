import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

test('a release exported as a file comes back through "Datei importieren" as a new release; a wrong file is refused', async ({ app }) => {
  const page = app.page;
  const list = new DraftListPage(page);
  const editor = new EditorPage(page);
  await list.createNew();
  await editor.title.fill('Straßensperrung Nord');
  await editor.lead.fill('Die B 4 wird gesperrt.');
  await editor.typeParagraphs(['Umleitung über die Lindenstraße.']);
  await editor.expectSaved();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als Datei exportieren' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Strassensperrung-Nord.pressemitteilung.json');
  const path = await download.path();
  await expect(page.getByRole('alert').filter({ hasText: 'exportiert' })).toContainText('Strassensperrung-Nord.pressemitteilung.json');
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { format: string; article: { meta: { title: string } } };
  expect(exported.format).toBe('pressestelle/release-file');

  await editor.back();
  await page.getByLabel('Pressemitteilung aus Datei importieren').setInputFiles(path);
  await expect(editor.title).toHaveValue('Straßensperrung Nord');
  await expect(editor.lead).toHaveValue('Die B 4 wird gesperrt.');
  await editor.expectParagraphs(['Umleitung über die Lindenstraße.']);
  await expect(page.getByTestId('notice')).toContainText('„Straßensperrung Nord“ wurde als neue Pressemitteilung importiert.');
  await editor.back();
  await expect(list.list.getByRole('listitem')).toHaveCount(2);

  await page.getByLabel('Pressemitteilung aus Datei importieren').setInputFiles({ name: 'notizen.json', mimeType: 'application/json', buffer: Buffer.from('{"titel": "keine Pressemitteilung"}') });
  await expect(page.getByTestId('notice')).toContainText('Die Datei „notizen.json“ ist keine von Pressestelle exportierte Pressemitteilung. Es wurde nichts importiert.');
  await expect(list.list.getByRole('listitem')).toHaveCount(2);
});
