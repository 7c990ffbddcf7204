import { expect } from '@playwright/test';
import type { AppDriver } from '../app-driver.js';
import { DraftListPage } from '../pages/draft-list-page.js';
import { EditorPage } from '../pages/editor-page.js';

/** A finding marked in the text is opened with Alt+Enter and fixed with the keyboard alone. */
export async function fixByKeyboard(app: AppDriver): Promise<void> {
  const page = app.page;
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.typeParagraphs(['We must get out of the complexity trap and work together.']);
  await expect(editor.body.locator('.check-word')).toHaveCount(1);
  await editor.body.getByText('complexity', { exact: false }).click();
  await page.keyboard.press('Alt+Enter');
  const popover = page.getByRole('dialog', { name: 'Befund' });
  const fix = popover.getByRole('button', { name: 'Beheben: Als Englisch markieren' });
  await expect(fix).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await page.keyboard.press('Alt+Enter');
  await expect(fix).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.body.locator('span[lang="en"]')).toHaveText('We must get out of the complexity trap and work together.');
  await expect(editor.body.locator('.check-word')).toHaveCount(0);
  // The focus is back in the text: typing goes on there.
  await expect(editor.body).toBeFocused();
  await editor.expectSaved();
}
