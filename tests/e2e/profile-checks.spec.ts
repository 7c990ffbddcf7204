import { vttBytes } from '../fixtures/media.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, blockMark } from './pages/editor-page.js';
import { signIn, TestPortal, writeRelease } from './portal-helpers.js';
import { operator } from '../../portal/portal.js';

let portal: TestPortal;
test.beforeEach(async () => {
  portal = await TestPortal.start();
});
test.afterEach(async () => {
  await portal.close();
});

const unrenderable = 'Der Baustein „Video“ (mask_thvideo) kann im Portal nicht dargestellt werden.';

test('signed in, a video block the portal cannot render is an error in "Prüfung" naming the block, and submitting is refused', async ({ app }) => {
  const page = app.page;
  const editor = await writeRelease(page, { title: 'Rede im Video' });
  const blocks = new BlockEditor(page);
  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('video');
  await blocks.panelField('Titel des Videos').fill('Rede der Ministerin');
  await blocks.panelField('Oder Adresse des Videos').fill('https://video.thueringen.de/rede.mp4');
  await blocks.chooseFile('Untertitel (WebVTT): Datei auswählen …', { name: 'rede.vtt', mimeType: 'text/vtt', buffer: vttBytes });
  await blocks.panelField('Transkript').fill('Sehr geehrte Damen und Herren …');
  const panel = page.getByRole('region', { name: 'Prüfung' });
  // Before any sign-in the app does not know the portal's profile: a complete video block is fine.
  await expect(panel.getByTestId('check-count')).toHaveText(/^0 Fehler/);
  await editor.expectSaved();

  // Signed in, the checks know what the portal can render: the profile comes with the sign-in.
  await signIn(page, portal.url, 'redaktion');
  await expect(panel.getByTestId('check-count')).toHaveText(/^1 Fehler/);
  const finding = panel.getByRole('listitem').filter({ hasText: unrenderable });
  await expect(finding).toBeVisible();
  // Marked at its block in the text, like any finding.
  await expect.poll(() => blockMark(blocks.body.locator(':scope > .ce-video'))).toBe('error');

  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Die Pressemitteilung hat noch 1 Fehler' })).toContainText(unrenderable);
  await expect(page.getByTestId('sync-state')).toHaveText('Noch nicht im Portal');
  expect(portal.portal.listArticles(operator, undefined, 10, 0).total).toBe(0);

  // The same after a restart: the profile cached at the sign-in is used from the start.
  await app.restart();
  await new DraftListPage(page).open('Rede im Video');
  await expect(panel.getByRole('listitem').filter({ hasText: unrenderable })).toBeVisible();
});

test('approved with a clean text, then an error in the local text: "Veröffentlichen" checks the approved revision, and that goes live', async ({ app }) => {
  const page = app.page;
  await signIn(page, portal.url, 'redaktion');
  const editor = await writeRelease(page, { title: 'Freigegeben, dann geändert', lead: 'Der freigegebene Vorspann.', paragraph: 'Der freigegebene Text.' });
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  portal.portal.transition({ name: 'freigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, { action: 'approve', revision: 1 });
  await editor.back();
  await new DraftListPage(page).open('Freigegeben, dann geändert');
  await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');

  // Here, after the approval: the lead removed, an error of the local text only.
  await editor.lead.fill('');
  const panel = page.getByRole('region', { name: 'Prüfung' });
  await expect(panel).toContainText('Der Vorspann fehlt.');
  await editor.expectSaved();

  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Veröffentlicht');
  await expect(page.getByRole('alert').filter({ hasText: 'Die Pressemitteilung hat noch' })).toHaveCount(0);
  const live = portal.portal.getArticle(operator, article!.id);
  expect(live).toMatchObject({ status: 'published', revision: 1, article: { meta: { lead: 'Der freigegebene Vorspann.' } } });
  const href = (await page.getByRole('link', { name: /\/presse\/freigegeben-dann-/ }).getAttribute('href'))!;
  const html = await (await fetch(href)).text();
  expect(html).toContain('Der freigegebene Vorspann.');
  expect(html).toContain('Der freigegebene Text.');
});

test('an approved revision with an error is refused at "Veröffentlichen" although the local text was fixed since; an approver goes ahead with a reason', async ({ app }) => {
  const page = app.page;
  await signIn(page, portal.url, 'freigabe');
  const editor = await writeRelease(page, { title: 'Mit Ausnahme freigegeben', lead: 'Der Vorspann kommt später.' });
  // Submitted without a lead, the checks overridden with a reason; approved by another approver.
  await editor.lead.fill('');
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Die Pressemitteilung hat noch 1 Fehler' })).toContainText('Der Vorspann fehlt.');
  await page.getByLabel(/^Begründung/).fill('Der Vorspann folgt nach der Pressekonferenz.');
  await page.getByRole('button', { name: 'Trotz Fehlern einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  portal.portal.transition({ name: 'zweitfreigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, { action: 'approve', revision: 1 });
  await editor.back();
  await new DraftListPage(page).open('Mit Ausnahme freigegeben');
  await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');

  // The local text is complete again, but what would go live is the approved revision, without a lead.
  await editor.lead.fill('Der Vorspann ist jetzt da.');
  await expect(page.getByRole('region', { name: 'Prüfung' }).getByTestId('check-count')).toHaveText(/^0 Fehler/);
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Die Pressemitteilung hat noch 1 Fehler' })).toContainText('Der Vorspann fehlt.');
  expect(portal.portal.getArticle(operator, article!.id).status).toBe('approved');

  await page.getByLabel(/^Begründung/).fill('Die Ministerin will es heute veröffentlicht sehen.');
  await page.getByRole('button', { name: 'Trotz Fehlern veröffentlichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Veröffentlicht');
  expect(portal.portal.getArticle(operator, article!.id)).toMatchObject({ status: 'published', revision: 1, article: { meta: { lead: '' } } });
});
