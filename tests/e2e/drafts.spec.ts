import { BrowserEntryProcess } from './browser-entry.js';
import { createAndReopen } from './scenarios/create-and-reopen.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';
import { TrashPage } from './pages/trash-page.js';

test('a release written, the app closed and opened again: everything is there', async ({ app }) => {
  await createAndReopen(app);
});

test('a deleted release goes to the trash, comes back, and can be removed for good', async ({ app }) => {
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  await list.createNew();
  await editor.title.fill('Haushalt 2027');
  await editor.expectSaved();
  await editor.back();

  // Cancelling the confirmation changes nothing.
  await list.item('Haushalt 2027').getByRole('button', { name: 'Löschen: Haushalt 2027' }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
  await expect(list.item('Haushalt 2027')).toBeVisible();

  await list.delete('Haushalt 2027');
  await expect(app.page.getByTestId('notice')).toHaveText('„Haushalt 2027“ liegt jetzt im Papierkorb.');
  await expect(app.page.getByText('Noch keine Pressemitteilungen.')).toBeVisible();

  const trash = new TrashPage(app.page);
  await trash.goto();
  await expect(trash.item('Haushalt 2027')).toContainText(/Gelöscht am/);
  await trash.restore('Haushalt 2027');
  await expect(app.page.getByText('Der Papierkorb ist leer.')).toBeVisible();

  await list.goto();
  await list.open('Haushalt 2027');
  await editor.back();
  await list.delete('Haushalt 2027');
  await trash.goto();
  await trash.purge('Haushalt 2027');
  await expect(app.page.getByText('Der Papierkorb ist leer.')).toBeVisible();

  await app.restart();
  await expect(app.page.getByText('Noch keine Pressemitteilungen.')).toBeVisible();
  await trash.goto();
  await expect(app.page.getByText('Der Papierkorb ist leer.')).toBeVisible();
});

test('a draft without a title is listed as "Ohne Titel" and opens', async ({ app }) => {
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  await list.createNew();
  await editor.typeParagraphs(['Nur Text, noch kein Titel.']);
  await editor.expectSaved();
  await editor.back();
  await list.item('Ohne Titel').getByRole('link').click();
  await editor.expectParagraphs(['Nur Text, noch kein Titel.']);
});

test('a long list shows the newest hundred first and more on request', async ({ app }) => {
  await app.page.evaluate(async () => {
    for (let index = 1; index <= 105; index++) {
      const result = await window.pressestelle.drafts.create({});
      if (!result.ok) throw new Error(result.error.message);
    }
  });
  const list = app.page.getByRole('list', { name: 'Pressemitteilungen' });
  await expect(list.getByRole('listitem')).toHaveCount(100);
  await app.page.getByRole('button', { name: 'Weitere anzeigen (100 von 105)' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(105);
  await expect(app.page.getByRole('button', { name: /Weitere anzeigen/ })).toHaveCount(0);
});

test('a window left open across a restart of the browser entry says why it cannot save, and keeps the text', async ({ app }) => {
  app.allowConsoleErrors = true; // the old window's requests are refused on purpose
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  await list.createNew();
  await editor.title.fill('Vor dem Neustart');
  await editor.expectSaved();

  // The entry restarts on the same address; this window still holds the old launch's token.
  const port = Number(new URL(app.entry.url).port);
  await app.entry.stop();
  app.entry = await BrowserEntryProcess.start(app.dataDirectory, { port });

  await editor.typeParagraphs(['Nach dem Neustart getippt.']);
  await expect(app.page.getByRole('alert')).toContainText('Pressestelle wurde inzwischen neu gestartet');
  await expect(editor.saveState).toHaveText('Speichern fehlgeschlagen – neuer Versuch läuft. Ihr Text bleibt erhalten.');
  await editor.expectParagraphs(['Nach dem Neustart getippt.']);
});

test('while a person types, the save line stays "Wird gespeichert …" and says "Gespeichert" once the typing stops', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await new DraftListPage(app.page).createNew();
  await editor.body.click();
  await editor.expectSaved();
  // Every text the line shows from now on (it is a live region: a screen reader reads each one).
  await editor.saveState.evaluate((line) => {
    const shown: string[] = [];
    (window as unknown as { saveLine: string[] }).saveLine = shown;
    new MutationObserver(() => {
      if (shown.at(-1) !== line.textContent) shown.push(line.textContent ?? '');
    }).observe(line, { childList: true, characterData: true, subtree: true });
  });
  // Slowly enough that each save finishes before the next key (saves come at least every 400 ms).
  await app.page.keyboard.type('Das Ministerium lädt zur Pressekonferenz ein.', { delay: 120 });
  await editor.expectSaved();
  expect(await app.page.evaluate(() => (window as unknown as { saveLine: string[] }).saveLine)).toEqual(['Wird gespeichert …', 'Gespeichert']);
});
