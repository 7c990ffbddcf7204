import { operator } from '../../portal/portal.js';
import { startWordPress, type WordPressSite } from '../wordpress/wordpress.js';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { portalMinistries, signIn, TestPortal, writeRelease } from './portal-helpers.js';

// A real WordPress from Debian's packages (tests/wordpress/start.sh); skipped only when it cannot start, saying why.
// One site for the file, started in the worker that runs its tests (not where Playwright lists
// them) and purged after the last of them: the tests run one after another in that worker.
test.describe.configure({ mode: 'default' });
let site: WordPressSite | null = null;
test.beforeAll(() => {
  test.setTimeout(180_000);
  const started = startWordPress();
  if ('site' in started) site = started.site;
  else console.warn(`WordPress E2E skipped: ${started.reason}`);
});
test.afterAll(() => site?.purge());

/**
 * The portal with a WordPress destination signed in as `wordpressUser`; the author writes the
 * release in the app and submits it; answers the portal's article.
 */
async function submittedRelease(app: { page: Page }, portal: TestPortal, wordpressUser: { user: string; secret: string }, release: Parameters<typeof writeRelease>[1]) {
  portal.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: site!.url, ...wordpressUser });
  await signIn(app.page, portal.url, 'redaktion');
  const editor = await writeRelease(app.page, release);
  await app.page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(app.page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = portal.portal.listArticles(operator, 'in_review', 1, 0).items;
  return { editor, article: article! };
}

test('after "Veröffentlichen" the app shows the WordPress delivery, waiting and then published with its address, in the editor and the list', async ({ app }) => {
  test.skip(!site, 'WordPress could not be started on this machine');
  const portal = await TestPortal.start();
  try {
    const page = app.page;
    const { editor, article } = await submittedRelease(app, portal, { user: site!.user, secret: site!.password }, { title: 'Radwege im ganzen Land', lead: 'Das Land baut 120 Kilometer Radwege.', paragraph: 'Die ersten Abschnitte entstehen 2027.' });
    // The approval happens on the approver's laptop; here straight on the portal.
    portal.portal.transition({ name: 'freigabe', role: 'approver', ministries: portalMinistries }, article.id, { action: 'approve', revision: 1 });

    await editor.back();
    await new DraftListPage(page).open('Radwege im ganzen Land');
    await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect(page.getByTestId('sync-state')).toHaveText('Veröffentlicht');
    const deliveries = page.getByRole('region', { name: 'Auslieferung' });
    await expect(deliveries).toContainText(/WordPress: (wartet|veröffentlicht)/);

    // The portal's worker delivers; the app learns it at its next pull (here: opening the release again).
    await expect.poll(() => portal.portal.getArticle(operator, article.id).deliveries?.find((entry) => entry.destination === 'wordpress')?.status, { timeout: 30_000 }).toBe('delivered');
    const url = portal.portal.getArticle(operator, article.id).deliveries!.find((entry) => entry.destination === 'wordpress')!.url!;
    await editor.back();
    await new DraftListPage(page).open('Radwege im ganzen Land');
    await expect(deliveries).toContainText('WordPress: veröffentlicht');
    await expect(deliveries.getByRole('link', { name: url })).toHaveAttribute('href', url);
    await editor.back();
    await expect(new DraftListPage(page).item('Radwege im ganzen Land')).toContainText('WordPress: veröffentlicht');
    const post = await (await fetch(url)).text();
    expect(post).toContain('Die ersten Abschnitte entstehen 2027.');
  } finally {
    await portal.close();
  }
});

test('a refused delivery shows "WordPress: fehlgeschlagen" with WordPress\'s reason; the approver\'s "Erneut versuchen" delivers it once the rights are there', async ({ app }) => {
  test.skip(!site, 'WordPress could not be started on this machine');
  const portal = await TestPortal.start();
  try {
    const page = app.page;
    // The portal signs in to WordPress as a user who may not publish.
    const { editor, article } = await submittedRelease(app, portal, { user: site!.contributor, secret: site!.contributorPassword }, { title: 'Neue Förderung für Dorfläden', lead: 'Das Land fördert 40 Dorfläden.', paragraph: 'Anträge bis zum 31. März.' });
    const approver = { name: 'freigabe', role: 'approver' as const, ministries: portalMinistries };
    portal.portal.transition(approver, article.id, { action: 'approve', revision: 1 });
    portal.portal.transition(approver, article.id, { action: 'publish', revision: 1 });
    await expect.poll(() => portal.portal.getArticle(operator, article.id).deliveries?.find((entry) => entry.destination === 'wordpress')?.status, { timeout: 30_000 }).toBe('failed');

    // The author sees the reason, without a button; the approver gets "Erneut versuchen".
    await editor.back();
    await new DraftListPage(page).open('Neue Förderung für Dorfläden');
    const deliveries = page.getByRole('region', { name: 'Auslieferung' });
    await expect(deliveries).toContainText('WordPress: fehlgeschlagen – WordPress verweigert das: ');
    await expect(deliveries.getByRole('button')).toHaveCount(0);
    await editor.back();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await signIn(page, portal.url, 'freigabe');
    await new DraftListPage(page).open('Neue Förderung für Dorfläden');
    await expect(deliveries).toContainText('WordPress: fehlgeschlagen – WordPress verweigert das: ');
    // The web team gives the portal's WordPress user its rights; the approver retries.
    portal.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: site!.url, user: site!.user, secret: site!.password });
    await deliveries.getByRole('button', { name: 'Erneut versuchen' }).click();
    await expect(deliveries.getByRole('status')).toHaveText('Die Auslieferung an WordPress wird erneut versucht.');
    await expect.poll(() => portal.portal.getArticle(operator, article.id).deliveries?.find((entry) => entry.destination === 'wordpress')?.status, { timeout: 30_000 }).toBe('delivered');
    await editor.back();
    await new DraftListPage(page).open('Neue Förderung für Dorfläden');
    await expect(deliveries).toContainText('WordPress: veröffentlicht');
  } finally {
    await portal.close();
  }
});
