import { expect } from '@playwright/test';
import type { AppDriver } from '../app-driver.js';
import { signIn, writeRelease, type TestPortal } from '../portal-helpers.js';
import { operator } from '../../../portal/portal.js';

/** "Anmelden", a release written and submitted: it is in review on the portal, and the app says so. */
export async function submitToPortal(app: AppDriver, portal: TestPortal): Promise<void> {
  const page = app.page;
  await signIn(page, portal.url, 'redaktion');
  await writeRelease(page, { title: 'Haushalt 2027' });
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Zur Freigabe eingereicht.' })).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = portal.portal.listArticles(operator, 'in_review', 10, 0).items;
  expect(article).toMatchObject({ status: 'in_review', revision: 1, createdBy: 'redaktion', article: { meta: { title: 'Haushalt 2027' } } });
}
