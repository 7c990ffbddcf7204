import { checkAccessibility } from './axe.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';
import { HistoryPage } from './pages/history-page.js';

test.use({ bypassCSP: true }); // only to inject axe-core

test('"Neue Pressemitteilung" stores nothing until the first input', async ({ app }) => {
  const { page } = app;
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  for (let round = 0; round < 3; round += 1) {
    await list.createNew();
    await editor.back();
  }
  await expect(page.getByText('Noch keine Pressemitteilungen.', { exact: false })).toBeVisible();
  await expect(list.list.getByRole('listitem')).toHaveCount(0);

  await list.createNew();
  await expect(page).toHaveURL(/#\/neu\//);
  await editor.title.fill('Erst jetzt gespeichert');
  await editor.expectSaved();
  await expect(page).toHaveURL(/#\/pressemitteilung\//);
  await page.keyboard.type(' und weiter');
  await editor.expectSaved();
  await editor.back();
  await expect(list.list.getByRole('listitem')).toHaveCount(1);
  await expect(list.item('Erst jetzt gespeichert und weiter')).toBeVisible();
});

test('a long title wraps in full instead of being cut off, and the editor has one h1', async ({ app }) => {
  const { page } = app;
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  const title = 'Landesregierung fördert den Ausbau der Ladeinfrastruktur im ländlichen Raum mit 12 Mio. Euro aus dem Sondervermögen';
  await editor.title.fill(title);
  await expect(editor.title).toHaveValue(title);
  const box = await editor.title.evaluate((field) => ({
    hiddenWidth: field.scrollWidth - field.clientWidth,
    hiddenHeight: field.scrollHeight - field.clientHeight,
    lines: field.clientHeight / parseFloat(getComputedStyle(field).lineHeight),
  }));
  expect(box.hiddenWidth).toBeLessThanOrEqual(0);
  expect(box.hiddenHeight).toBeLessThanOrEqual(1);
  expect(box.lines).toBeGreaterThanOrEqual(2);
  // A title takes no line break.
  await editor.title.press('End');
  await editor.title.press('Enter');
  await expect(editor.title).toHaveValue(title);
  await editor.expectSaved();

  await expect(page.locator('h1')).toHaveCount(1);
  const edit = await checkAccessibility(page, 'html');
  expect(edit.passed).toContain('page-has-heading-one');
  expect(edit.violations.map((violation) => violation.id)).not.toContain('page-has-heading-one');
  await page.getByRole('button', { name: 'Vorschau' }).click();
  await expect(page.locator('h1')).toHaveText([title]);
});

test('leaving the editor without changes adds no "Automatisch (Editor verlassen)" entry to "Verlauf"', async ({ app }) => {
  const { page } = app;
  const list = new DraftListPage(page);
  const editor = new EditorPage(page);
  const history = new HistoryPage(page);
  await list.createNew();
  await editor.title.fill('Ruhige Woche');
  await editor.typeParagraphs(['Ein Absatz.']);
  await editor.expectSaved();
  await editor.back();

  for (let round = 0; round < 3; round += 1) {
    await list.open('Ruhige Woche');
    await editor.body.click();
    // Clicks on empty space and to other parts of the app: focus leaves the fields, not the release.
    await page.locator('.editor-panel').click({ position: { x: 5, y: 5 } });
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Pressemitteilungen' }).focus();
    await editor.back();
  }
  await list.open('Ruhige Woche');
  // Writing on and clicking on empty space beside the text is still writing, not leaving.
  await editor.typeParagraphs([' Ergänzt.']);
  await editor.expectSaved();
  await page.locator('.editor-panel').click({ position: { x: 5, y: 5 } });
  await editor.expectSaved();
  await history.open();
  await expect(history.revisions).toHaveCount(1);
  await expect(history.revisions.filter({ hasText: 'Automatisch (Editor verlassen)' })).toHaveCount(0);
});

test.describe('in a browser set to English', () => {
  test.use({ locale: 'en-US' });

  test('date and time fields take and show German dates; what is stored stays ISO', async ({ app }) => {
    const { page } = app;
    const editor = new EditorPage(page);
    await new DraftListPage(page).createNew();
    await editor.title.fill('Mit Datum');
    const date = page.getByLabel('Datum', { exact: true });
    const embargo = page.getByLabel('Sperrfrist (Ortszeit Berlin)');
    await expect(date).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
    await expect(embargo).toHaveAttribute('placeholder', 'TT.MM.JJJJ HH:MM');

    await date.fill('12/01/2026');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Bitte das Datum als TT.MM.JJJJ eingeben, zum Beispiel 01.12.2026.')).toBeVisible();
    await date.fill('1.12.2026');
    await date.blur();
    await expect(date).toHaveValue('01.12.2026');
    await expect(date).not.toHaveAttribute('aria-invalid', 'true');

    await embargo.fill('2.12.2026 9:30');
    await embargo.blur();
    await expect(embargo).toHaveValue('02.12.2026 09:30');
    await expect(page.getByText('Sperrfrist bis 02.12.2026, 09:30 Uhr')).toBeVisible();
    await editor.expectSaved();

    const stored = await page.evaluate(async () => {
      const list = await window.pressestelle.drafts.list({ scope: 'active' });
      if (!list.ok) return null;
      const draft = await window.pressestelle.drafts.get({ id: list.value.items[0]!.id });
      return draft.ok ? { date: draft.value.article.meta.date, embargo: draft.value.article.meta.embargo } : null;
    });
    expect(stored).toEqual({ date: '2026-12-01', embargo: '2026-12-02T09:30' });

    await editor.back();
    await new DraftListPage(page).open('Mit Datum');
    await expect(date).toHaveValue('01.12.2026');
    await expect(embargo).toHaveValue('02.12.2026 09:30');
  });
});
