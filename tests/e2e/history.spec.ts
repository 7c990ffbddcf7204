import { checkAccessibility } from './axe.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';
import { HistoryPage } from './pages/history-page.js';

test.use({ bypassCSP: true }); // only to inject axe-core into the history view

test('"Verlauf": versions are kept, compared block by block and word by word, and an old one restored', async ({ app }) => {
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  const history = new HistoryPage(app.page);
  await list.createNew();
  await editor.title.fill('Haushalt 2027');
  await editor.typeParagraphs(['Der Haushalt wächst um zwei Prozent.', 'Die Opposition kritisiert den Entwurf.']);
  await editor.expectSaved();

  // Leaving the release keeps its state as a revision.
  await editor.back();
  await list.open('Haushalt 2027');
  await history.open();
  await expect(history.revisions).toHaveCount(1);
  await expect(history.revisions.first()).toContainText('Automatisch (geschlossen)');
  await history.toggle.click();

  await history.saveVersion('Erste Fassung');

  // Change a word, remove a paragraph, add one.
  await editor.body.getByText('Die Opposition kritisiert den Entwurf.').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('Shift+Home');
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.press('ControlOrMeta+End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('Der Landtag berät im Dezember.');
  await editor.expectSaved();
  await history.saveVersion('Zweite Fassung');

  await history.open();
  // "Erste Fassung" named the revision written on close: same content, no second revision.
  await expect(history.revisions).toHaveCount(2);
  await expect(history.revisions.nth(0)).toContainText('Zweite Fassung');
  await expect(history.revisions.nth(1)).toContainText('Erste Fassung');
  // Opened, the newest version is compared with the one before it.
  const changes = history.changes;
  await expect(changes.locator('.diff-added')).toContainText('Der Landtag berät im Dezember.');
  await expect(changes.locator('.diff-removed')).toContainText('Die Opposition kritisiert den Entwurf.');
  await expect(changes.locator('ins')).toHaveText(['eingefügt: Der Landtag berät im Dezember.']);
  await expect(changes.locator('del')).toHaveText(['gelöscht: Die Opposition kritisiert den Entwurf.']);
  await expect(changes.getByText('1 unveränderter Baustein')).toBeVisible();
  const { violations, passed } = await checkAccessibility(app.page, '.history');
  expect(violations).toEqual([]);
  // axe really looked: contrast of the marked changes, the comparison's selects, lists, buttons.
  expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'select-name', 'list', 'button-name', 'summary-name']));

  // Restore the first named version: it becomes the newest, nothing is lost.
  await history.restore('Erste Fassung');
  await expect(app.page.getByRole('alert').filter({ hasText: /wurde wiederhergestellt/ })).toBeVisible();
  await editor.expectParagraphs(['Der Haushalt wächst um zwei Prozent.', 'Die Opposition kritisiert den Entwurf.']);

  await history.open();
  await expect(history.revisions).toHaveCount(3);
  await expect(history.revisions.first()).toContainText(/Wiederhergestellt aus der Version vom/);
  await expect(history.revision('Zweite Fassung')).toHaveCount(1);
  await expect(history.revision('Erste Fassung')).toHaveCount(1);

  // Typing goes on after the restore and is saved on the restored text.
  await history.toggle.click();
  await editor.typeParagraphs(['', 'Nachtrag.']);
  await editor.expectSaved();
  await app.restart();
  await list.open('Haushalt 2027');
  await editor.expectParagraphs(['Der Haushalt wächst um zwei Prozent.', 'Die Opposition kritisiert den Entwurf.', 'Nachtrag.']);
});

test('against the text in the editor: a changed title and a changed word, marked word by word', async ({ app }) => {
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  const history = new HistoryPage(app.page);
  await list.createNew();
  await editor.title.fill('Haushalt 2027');
  await editor.typeParagraphs(['Der Haushalt wächst um zwei Prozent.']);
  await history.saveVersion('Vorher');

  await editor.title.fill('Doppelhaushalt 2027');
  await editor.body.click();
  await app.page.keyboard.press('ControlOrMeta+a');
  await app.page.keyboard.type('Der Haushalt wächst um drei Prozent.');
  await history.open();
  await expect(history.changes).toContainText('Von');
  const title = history.changes.getByRole('row', { name: /^Titel/ });
  await expect(title.locator('del')).toHaveText('gelöscht: Haushalt');
  await expect(title.locator('ins')).toHaveText('eingefügt: Doppelhaushalt');
  const paragraph = history.changes.locator('.diff-changed');
  await expect(paragraph.locator('del')).toHaveText('gelöscht: zwei');
  await expect(paragraph.locator('ins')).toHaveText('eingefügt: drei');
  await expect(paragraph).toContainText('Geändert');
});

test('a day of automatic revisions folds into one line of the history, which opens on a click', async ({ app }) => {
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  const history = new HistoryPage(app.page);
  await list.createNew();
  await editor.title.fill('Viele Stände');
  // Each time the release is left, its state is kept as an automatic revision.
  for (const word of ['eins', 'zwei', 'drei', 'vier']) {
    await editor.typeParagraphs([` ${word}`]);
    await editor.expectSaved();
    await editor.back();
    await list.open('Viele Stände');
  }
  await history.open();
  const group = history.region.locator('details');
  await expect(group.locator('summary')).toHaveText(/^3 automatische Stände vom \d\d\.\d\d\.\d{4}$/);
  // The newest stands alone; the three before it are folded away until opened.
  await expect(history.revisions.filter({ visible: true })).toHaveCount(2);
  await group.locator('summary').click();
  await expect(group.getByRole('listitem')).toHaveCount(3);
  await expect(group.getByRole('listitem').first()).toContainText('Automatisch (geschlossen)');
  const axe = await checkAccessibility(app.page, '.history');
  expect(axe.violations).toEqual([]);
});
