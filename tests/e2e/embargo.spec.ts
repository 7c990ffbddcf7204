import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { signIn, TestPortal, writeRelease } from './portal-helpers.js';
import { operator } from '../../portal/portal.js';

/** An embargo means "not before": nothing goes live earlier, and once it has passed nothing stands in the way. */

let testPortal: TestPortal;
test.beforeEach(async () => {
  testPortal = await TestPortal.start();
});
test.afterEach(async () => {
  await testPortal.close();
});

const approver = { name: 'freigabe', role: 'approver' as const, ministries: ['tfm', 'tmdi'] };

test('a passed embargo is a hint at submit, and publishing now is simply allowed', async ({ app }) => {
  const { page } = app;
  await signIn(page, testPortal.url, 'redaktion');
  const editor = await writeRelease(page, { title: 'Sperrfrist vorbei' });
  await page.getByLabel('Sperrfrist (Ortszeit Berlin)').fill('01.01.2020 10:00');
  await editor.expectSaved();
  const panel = page.getByRole('region', { name: 'Prüfung' });
  await expect(panel.getByTestId('check-count')).toHaveText('0 Fehler, 0 Warnungen, 1 Hinweis');
  await expect(panel).toContainText('Die Sperrfrist ist bereits abgelaufen; die Pressemitteilung darf sofort erscheinen.');

  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = testPortal.portal.listArticles(operator, undefined, 1, 0).items;
  testPortal.portal.transition(approver, article!.id, { action: 'approve', revision: article!.revision });

  await editor.back();
  await new DraftListPage(page).open('Sperrfrist vorbei');
  await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Veröffentlicht');
  await expect(page.getByRole('alert').filter({ hasText: 'Sperrfrist' })).toHaveCount(0);
  expect(testPortal.portal.getArticle(operator, article!.id).status).toBe('published');
});

test('a scheduled time before the embargo is refused by the app and by the portal', async ({ app }) => {
  const { page } = app;
  await signIn(page, testPortal.url, 'redaktion');
  const editor = await writeRelease(page, { title: 'Zu früh geplant' });
  await page.getByLabel('Sperrfrist (Ortszeit Berlin)').fill('01.01.2099 10:00');
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = testPortal.portal.listArticles(operator, undefined, 1, 0).items;
  testPortal.portal.transition(approver, article!.id, { action: 'approve', revision: article!.revision });

  await editor.back();
  await new DraftListPage(page).open('Zu früh geplant');
  await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');
  await page.getByLabel('Zeitpunkt (leer: sofort)').fill('31.12.2098 10:00');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vor Ablauf der Sperrfrist (01.01.2099, 10:00 Uhr) kann nicht veröffentlicht werden.' })).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');

  // Forced through the API with a time before the embargo, the portal refuses as well.
  const { token } = testPortal.portal.login('redaktion', 'redaktion-passwort', 'test');
  const forced = await fetch(`${testPortal.url}/api/v1/articles/${article!.id}/transitions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'forced-schedule-1', 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'publish', revision: article!.revision, at: '2098-12-31T09:00:00.000Z' }),
  });
  expect(forced.status).toBe(422);
  expect(((await forced.json()) as { error: { message: string } }).error.message).toBe('Vor Ablauf der Sperrfrist (01.01.2099, 10:00 Uhr) darf nichts veröffentlicht werden.');
  expect(testPortal.portal.getArticle(operator, article!.id).status).toBe('approved');

  // A time not before the embargo is taken: the release is scheduled.
  await page.getByLabel('Zeitpunkt (leer: sofort)').fill('01.01.2099 10:00');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Geplant');
});
