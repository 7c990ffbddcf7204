import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';
import { startLossyProxy } from '../lossy-proxy.js';
import { submitToPortal } from './scenarios/submit-to-portal.js';
import { signIn, TestPortal, writeRelease } from './portal-helpers.js';
import { operator } from '../../portal/portal.js';

let testPortal: TestPortal;
test.beforeEach(async () => {
  testPortal = await TestPortal.start();
});
test.afterEach(async () => {
  await testPortal.close();
});

test('"Zur Freigabe einreichen" after "Anmelden": errors stop it first; then the release is in review on the portal', async ({ app }) => {
  const page = app.page;
  await signIn(page, testPortal.url, 'redaktion');
  // With errors the app refuses and lists them.
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.title.fill('Unvollständig');
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Die Pressemitteilung hat noch 3 Fehler' })).toContainText('Der Vorspann fehlt.');
  await editor.back();
  await page.getByRole('button', { name: 'Abmelden' }).click();

  await submitToPortal(app, testPortal);
});

test('the portal is down while the author submits: it waits in the outbox, the app says so, and goes out once when the portal is back', async ({ app }) => {
  const page = app.page;
  await signIn(page, testPortal.url, 'redaktion');
  await writeRelease(page, { title: 'Offline eingereicht' });
  const port = await testPortal.stop();

  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toContainText('Wartet auf Übertragung (2)');
  await expect(page.getByRole('status').filter({ hasText: 'Das Portal ist gerade nicht erreichbar. 2 Aktionen warten' })).toBeVisible();

  await testPortal.restart(port);
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung', { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'nicht erreichbar' })).toHaveCount(0);
  expect(testPortal.portal.listArticles(operator, undefined, 10, 0).total).toBe(1);
  expect(testPortal.portal.history(operator, testPortal.portal.listArticles(operator, undefined, 10, 0).items[0]!.id).map((entry) => entry.action)).toEqual(['created', 'submit']);
});

test('edited on the portal meanwhile: the conflict shows both versions as a diff; "Meine Fassung behalten" sends mine, the portal keeps both', async ({ app }) => {
  const page = app.page;
  await signIn(page, testPortal.url, 'redaktion');
  await writeRelease(page, { title: 'Gleichzeitig bearbeitet' });
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');

  const [article] = testPortal.portal.listArticles(operator, undefined, 1, 0).items;
  testPortal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, { ...article!.article, meta: { ...article!.article.meta, lead: 'Vom Freigeber verbessert.' } }, 1);

  const editor = new EditorPage(page);
  await editor.lead.fill('Von der Redaktion ergänzt.');
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  const conflict = page.getByRole('region', { name: 'Im Portal wurde die Pressemitteilung inzwischen geändert' });
  await expect(conflict).toContainText('freigabe hat im Portal Revision 2 gespeichert');
  const lead = conflict.getByRole('row', { name: /^Vorspann/ });
  await expect(lead.locator('del').filter({ hasText: 'Freigeber' })).toHaveCount(1);
  await expect(lead.locator('ins').filter({ hasText: 'Redaktion' })).toHaveCount(1);

  await conflict.getByRole('button', { name: 'Meine Fassung behalten' }).click();
  await expect(conflict).toBeHidden();
  await expect.poll(() => testPortal.portal.getArticle(operator, article!.id).revision).toBe(3);
  expect(testPortal.portal.getArticle(operator, article!.id).article.meta.lead).toBe('Von der Redaktion ergänzt.');
  expect(testPortal.portal.history(operator, article!.id).map((entry) => `${entry.action}:${entry.actor}`)).toEqual(['created:redaktion', 'submit:redaktion', 'updated:freigabe', 'updated:redaktion']);
});

test('a conflict combined field by field and block by block: what is taken from the portal, and the rest mine; that goes to the portal as the next revision', async ({ app }) => {
  const page = app.page;
  await signIn(page, testPortal.url, 'redaktion');
  const editor = await writeRelease(page, { title: 'Verbunden', paragraph: 'Erster Absatz.' });
  await page.keyboard.press('Enter');
  await page.keyboard.type('Zweiter Absatz.');
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');

  // On the portal: the first paragraph improved, a third one added.
  const [article] = testPortal.portal.listArticles(operator, undefined, 1, 0).items;
  const theirs = structuredClone(article!.article);
  theirs.body.content[0]!.content = [{ type: 'text', text: 'Erster Absatz, vom Portal verbessert.' }];
  theirs.body.content.push({ type: 'paragraph', attrs: { id: 'portal-neu' }, content: [{ type: 'text', text: 'Dritter Absatz aus dem Portal.' }] });
  theirs.meta = { ...theirs.meta, lead: 'Vorspann aus dem Portal.', place: 'Erfurt' };
  testPortal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, theirs, 1);

  // Here, meanwhile: the second paragraph changed.
  await editor.body.getByText('Zweiter Absatz.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Von der Redaktion ergänzt.');
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  const conflict = page.getByRole('region', { name: 'Im Portal wurde die Pressemitteilung inzwischen geändert' });
  await expect(conflict).toBeVisible();

  await conflict.getByRole('listitem').filter({ hasText: 'Erster Absatz' }).getByRole('button', { name: 'Aus dem Portal übernehmen' }).click();
  await conflict.getByRole('listitem').filter({ hasText: 'Dritter Absatz aus dem Portal.' }).getByRole('button', { name: 'Aus dem Portal einfügen' }).click();
  await editor.expectParagraphs(['Erster Absatz, vom Portal verbessert.', 'Zweiter Absatz. Von der Redaktion ergänzt.', 'Dritter Absatz aus dem Portal.']);
  // Single fields too: the lead in the text, the place in the side panel.
  await conflict.getByRole('row', { name: /^Vorspann/ }).getByRole('button', { name: 'Aus dem Portal übernehmen' }).click();
  await expect(editor.lead).toHaveValue('Vorspann aus dem Portal.');
  await conflict.getByRole('row', { name: /^Ort/ }).getByRole('button', { name: 'Aus dem Portal übernehmen' }).click();
  await expect(page.getByRole('complementary').getByLabel('Ort', { exact: true })).toHaveValue('Erfurt');
  // What is left of the conflict is mine alone.
  await expect(conflict.getByRole('button', { name: /^Aus dem Portal/ })).toHaveCount(1);
  await editor.expectSaved();

  await conflict.getByRole('button', { name: 'Meine Fassung behalten' }).click();
  await expect(conflict).toBeHidden();
  await expect.poll(() => testPortal.portal.getArticle(operator, article!.id).revision).toBe(3);
  const texts = testPortal.portal.getArticle(operator, article!.id).article.body.content.map((node) => node.content?.[0]?.text);
  expect(texts).toEqual(['Erster Absatz, vom Portal verbessert.', 'Zweiter Absatz. Von der Redaktion ergänzt.', 'Dritter Absatz aus dem Portal.']);
  expect(testPortal.portal.getArticle(operator, article!.id).article.meta).toMatchObject({ lead: 'Vorspann aus dem Portal.', place: 'Erfurt' });
});

test('publishing before the embargo is refused by the app and, forced through the API, by the portal', async ({ app }) => {
  const page = app.page;
  await signIn(page, testPortal.url, 'redaktion');
  await writeRelease(page, { title: 'Mit Sperrfrist' });
  await page.getByLabel('Sperrfrist (Ortszeit Berlin)').fill('2099-01-01T10:00');
  await expect(page.getByText('Sperrfrist bis 01.01.2099, 10:00 Uhr')).toBeVisible();
  await new EditorPage(page).expectSaved();
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = testPortal.portal.listArticles(operator, undefined, 1, 0).items;
  testPortal.portal.transition({ name: 'freigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, { action: 'approve', revision: article!.revision });

  await new EditorPage(page).back();
  await new DraftListPage(page).open('Mit Sperrfrist');
  await expect(page.getByTestId('sync-state')).toHaveText('Freigegeben');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vor Ablauf der Sperrfrist (01.01.2099, 10:00 Uhr) kann nicht veröffentlicht werden.' })).toBeVisible();

  // Forced through the API, the portal refuses too.
  const { token } = testPortal.portal.login('redaktion', 'redaktion-passwort', 'test');
  const forced = await fetch(`${testPortal.url}/api/v1/articles/${article!.id}/transitions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'forced-publish-1', 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'publish', revision: article!.revision }),
  });
  expect(forced.status).toBe(422);
  expect(((await forced.json()) as { error: { message: string } }).error.message).toBe('Vor Ablauf der Sperrfrist (01.01.2099, 10:00 Uhr) darf nichts veröffentlicht werden.');
  expect(testPortal.portal.getArticle(operator, article!.id).status).toBe('approved');
});

test('"Angemeldet bleiben" in the browser entry: explained before it is chosen; then the sign-in survives a restart until "Abmelden"', async ({ app }) => {
  const page = app.page;
  // Without it, a restart asks again.
  await signIn(page, testPortal.url, 'redaktion');
  await app.restart();
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();

  await page.getByRole('button', { name: 'Anmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Beim Portal anmelden' });
  await expect(dialog.getByRole('checkbox', { name: 'Angemeldet bleiben' })).toHaveAccessibleDescription(/unverschlüsselt im Datenordner/);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await signIn(page, testPortal.url, 'redaktion', { keep: true });
  await app.restart();
  await expect(page.getByText('Angemeldet als redaktion (Redaktion) bei Freistaat Thüringen – Medieninformationen')).toBeVisible();

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await app.restart();
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
});

test('the connection is cut after the portal received the text and the submission, before their answers arrived: still one article, one revision, one submission', async ({ app }) => {
  const page = app.page;
  const proxy = await startLossyProxy(testPortal.server.port);
  try {
    await signIn(page, `http://127.0.0.1:${proxy.port}`, 'redaktion');
    await writeRelease(page, { title: 'Verlorene Antworten' });
    // The answers to the save and to the submission are lost; the portal has acted on both.
    proxy.match = /^(PUT|POST) \/api\/v1\/articles\//;
    proxy.dropAnswers = 2;
    await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung', { timeout: 20_000 });
    expect(proxy.dropped).toBe(2);
    const { items, total } = testPortal.portal.listArticles(operator, undefined, 10, 0);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ revision: 1, status: 'in_review' });
    expect(testPortal.portal.history(operator, items[0]!.id).map((entry) => entry.action)).toEqual(['created', 'submit']);
  } finally {
    await proxy.close();
  }
});
