import { checkAccessibility } from './axe.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

test.use({ bypassCSP: true }); // only to inject axe-core into the preview

test('"Vorschau" shows the press contact and the topics below the text, as the portal page does', async ({ app }) => {
  const { page } = app;
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.title.fill('Mit Kontakt');
  await editor.typeParagraphs(['Der Text.']);
  await page.getByLabel('Pressekontakt: Name').fill('Anna Beispiel');
  await page.getByLabel('Pressekontakt: Telefon').fill('0361 57 36 11 000');
  await page.getByLabel('Pressekontakt: E-Mail').fill('presse@tfm.thueringen.de');
  await page.getByLabel('Themen').fill('Haushalt, Finanzen');
  await editor.expectSaved();

  await page.getByRole('button', { name: 'Vorschau' }).click();
  const preview = page.getByRole('region', { name: 'Vorschau im Aussehen des Portals' });
  await expect(preview.getByRole('heading', { level: 2, name: 'Pressekontakt' })).toBeVisible();
  await expect(preview.getByText('Anna Beispiel')).toBeVisible();
  await expect(preview.getByRole('link', { name: '0361 57 36 11 000' })).toHaveAttribute('href', 'tel:0361573611000');
  await expect(preview.getByRole('link', { name: 'presse@tfm.thueringen.de' })).toHaveAttribute('href', 'mailto:presse@tfm.thueringen.de');
  await expect(preview.getByText('Themen: Haushalt, Finanzen')).toBeVisible();
  const { violations } = await checkAccessibility(page, '.portal-preview');
  expect(violations).toEqual([]);
});
