import { largeRelease } from '../fixtures/large-release.js';
import { checkAccessibility } from './axe.js';
import { expect, test } from './fixtures.js';
import { fixByKeyboard } from './scenarios/fix-by-keyboard.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, blockMark, EditorPage } from './pages/editor-page.js';

test('"Prüfung" lists findings as the person types, marks the block, shows it, and fixes it in one click', async ({ app }) => {
  const page = app.page;
  const list = new DraftListPage(page);
  const editor = new EditorPage(page);
  await list.createNew();
  const panel = page.getByRole('region', { name: 'Prüfung' });
  await expect(panel.getByTestId('check-count')).toHaveText('4 Fehler, 0 Warnungen, 0 Hinweise');
  await expect(panel).toContainText('Der Titel fehlt.');

  await editor.title.fill('Elterngeld wird digital');
  await editor.lead.fill('Anträge gehen ab Januar online.');
  await expect(panel.getByTestId('check-count')).toHaveText('2 Fehler, 0 Warnungen, 0 Hinweise');

  // "- " would become a list as it is typed; a bullet character pasted from elsewhere does not.
  await editor.typeParagraphs(['• Elterngeld online beantragen']);
  const finding = panel.getByRole('listitem').filter({ hasText: 'sieht aus wie ein Listenpunkt' });
  await expect(finding).toBeVisible();
  // Marked in the text like a spelling mistake (the whole paragraph: it is about all of it), the message on hover.
  const flagged = editor.body.locator(':scope > p', { hasText: '• Elterngeld online beantragen' });
  await expect.poll(() => blockMark(flagged)).toBe('warning');
  await flagged.hover();
  await expect(page.getByRole('dialog', { name: 'Befund' })).toContainText('sieht aus wie ein Listenpunkt');
  await page.mouse.move(0, 0);
  await expect(page.getByRole('dialog', { name: 'Befund' })).toHaveCount(0);

  // The fix, one click away from the hover (the panel has the same button).
  await flagged.hover();
  await page.getByRole('dialog', { name: 'Befund' }).getByRole('button', { name: 'Beheben: In Aufzählung umwandeln' }).click();
  await expect(editor.body.locator('ul > li')).toHaveText(['Elterngeld online beantragen']);
  await expect(finding).toHaveCount(0);
  await expect(editor.body.locator('.check-word')).toHaveCount(0);
  await expect.poll(() => blockMark(editor.body.locator(':scope > ul'))).toBeNull();

  // Undo brings the paragraph back; the finding returns.
  await editor.body.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(panel.getByRole('listitem').filter({ hasText: 'sieht aus wie ein Listenpunkt' })).toBeVisible();
  await editor.expectSaved();
});

test('a table without a caption is marked as a whole in the text, like every other block', async ({ app }) => {
  const page = app.page;
  const blocks = await BlockEditor.inNewRelease(page, 'Tabelle');
  const panel = page.getByRole('region', { name: 'Prüfung' });
  await expect(panel.getByRole('listitem').filter({ hasText: 'Die Tabelle hat keine Beschriftung.' })).toBeVisible();
  // The table's id is on its outer element (the wrapper), where the marks are keyed.
  await expect.poll(() => blockMark(blocks.body.locator(':scope > .tableWrapper'))).toBe('warning');
});

test('"Zum Baustein" puts the cursor into the block a finding points to', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.typeParagraphs(['Erster Absatz ohne Befund.', 'Den Entwurf gibt es HIERUNDJETZTSOFORT im Netz.']);
  const panel = page.getByRole('region', { name: 'Prüfung' });
  const finding = panel.getByRole('listitem').filter({ hasText: 'steht in Großbuchstaben' });
  await editor.body.locator('p').first().click();
  await finding.getByRole('button', { name: 'Zum Baustein' }).click();
  await page.keyboard.type('Eingefügt: ');
  await expect(editor.body.locator('p').nth(1)).toContainText('Eingefügt: ');
});

test('an English sentence is found and marked with "Sprache des Abschnitts" in one click; the preview carries lang="en"', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.typeParagraphs(['We must get out of the complexity trap and work together.']);
  const finding = page.getByRole('region', { name: 'Prüfung' }).getByRole('listitem').filter({ hasText: 'scheint nicht deutsch zu sein' });
  await finding.getByRole('button', { name: 'Beheben: Als Englisch markieren' }).click();
  await expect(editor.body.locator('span[lang="en"]')).toHaveText('We must get out of the complexity trap and work together.');
  await expect(finding).toHaveCount(0);
  // The toolbar shows the language of the passage at the cursor.
  await editor.body.locator('span[lang="en"]').click();
  await expect(page.getByRole('combobox', { name: 'Sprache des Abschnitts' })).toHaveValue('en');
  await page.getByRole('button', { name: 'Vorschau' }).click();
  await expect(page.getByRole('region', { name: 'Vorschau' }).locator('span[lang="en"]')).toHaveText('We must get out of the complexity trap and work together.');
});

test.describe('marks', () => {
  test.use({ bypassCSP: true });
  test('the words a finding is about are marked; hovering them shows the message and the fix, one click away', async ({ app }) => {
    const page = app.page;
    const editor = new EditorPage(page);
    await new DraftListPage(page).createNew();
    await editor.typeParagraphs(['Den Entwurf gibt es HIERUNDJETZTSOFORT im Netz. We must get out of the complexity trap and work together.']);
    // Only the words, not the paragraph.
    await expect(editor.body.locator('.check-word.check-warning')).toHaveText(['HIERUNDJETZTSOFORT', 'We must get out of the complexity trap and work together.']);
    expect(await blockMark(editor.body.locator(':scope > p').first())).toBeNull();

    await editor.body.getByText('HIERUNDJETZTSOFORT').hover();
    const popover = page.getByRole('dialog', { name: 'Befund' });
    await expect(popover).toContainText('steht in Großbuchstaben');
    await expect(popover).not.toContainText('scheint nicht deutsch zu sein');
    const axe = await checkAccessibility(page, '.check-popover');
    expect(axe.violations).toEqual([]);

    // The English sentence, which is not the whole paragraph: marked, explained, no one-click fix.
    await editor.body.locator('.check-word', { hasText: 'complexity' }).hover();
    await expect(popover).toContainText('scheint nicht deutsch zu sein');
    await expect(popover.getByRole('button', { name: /^Beheben/ })).toHaveCount(0);
  });
});

test('Alt+Enter in marked words opens their findings from the keyboard; the fix is one key away and Escape returns to the text', async ({ app }) => {
  await fixByKeyboard(app);
});

test('"Prüfung" lists the first 50 findings of a kind and more on request, counting all of them', async ({ app }) => {
  const page = app.page;
  // 800 blocks of every kind in turn: more than 50 videos without captions (each an error).
  await page.evaluate(async (article) => {
    const result = await window.pressestelle.drafts.create({ article: article as never });
    if (!result.ok) throw new Error(result.error.message);
  }, largeRelease(800));
  await page.reload();
  await new DraftListPage(page).open('Benchmark mit 800 Bausteinen');
  const panel = page.getByRole('region', { name: 'Prüfung' });
  const errors = panel.getByRole('list', { name: 'Fehler' }).getByRole('listitem');
  await expect(panel.getByTestId('check-count')).toHaveText(/^\d+ Fehler, 0 Warnungen, 1 Hinweis$/);
  const total = Number((await panel.getByTestId('check-count').textContent())!.split(' ')[0]);
  expect(total).toBeGreaterThan(50);
  await expect(errors).toHaveCount(50);
  await expect(panel.getByRole('list', { name: 'Hinweis' }).getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: `Weitere anzeigen (50 von ${total})` }).click();
  await expect(errors).toHaveCount(total);
  await expect(panel.getByRole('button', { name: /^Weitere anzeigen/ })).toHaveCount(0);
});
