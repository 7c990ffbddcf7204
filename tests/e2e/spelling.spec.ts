import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

test('the browser entry declares German, so the browser checks spelling in German', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await new DraftListPage(page).createNew();
  const editor = new EditorPage(page);
  for (const field of [editor.title, editor.lead]) {
    await expect(field).toHaveAttribute('spellcheck', 'true');
    expect(await field.evaluate((element) => (element.closest('[lang]') as HTMLElement).lang)).toBe('de');
  }
  expect(await editor.body.evaluate((element) => (element as HTMLElement).spellcheck && (element.closest('[lang]') as HTMLElement).lang)).toBe('de');
});
