import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { BrowserEntryProcess } from './browser-entry.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';
import { bluePng } from '../fixtures/media.js';
import { signIn, TestPortal, writeRelease } from './portal-helpers.js';
import { operator } from '../../portal/portal.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let portal: TestPortal;

/** "Zur Prüfung", then the release of that title. */
async function openReview(approver: Page, title: string): Promise<void> {
  await approver.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zur Prüfung' }).click();
  await approver.getByRole('link', { name: title }).click();
}

/** The approver's laptop: a browser entry and data folder of its own, signed in as "freigabe"; all gone afterwards. */
async function asApprover(browser: Browser, testPortal: TestPortal, scenario: (approver: Page) => Promise<void>): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'pressestelle-e2e-approver-'));
  const entry = await BrowserEntryProcess.start(data);
  const context = await browser.newContext();
  try {
    const approver = await context.newPage();
    await approver.goto(entry.url);
    await signIn(approver, testPortal.url, 'freigabe');
    await scenario(approver);
  } finally {
    await context.close();
    await entry.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
test.beforeEach(async () => {
  portal = await TestPortal.start();
});
test.afterEach(async () => {
  await portal.close();
});

test('author and approver on two laptops: submit, approve exactly that revision, publish; the public page shows the text', async ({ app, browser }) => {
  const author = app.page;
  await signIn(author, portal.url, 'redaktion');
  const editor = await writeRelease(author, { title: 'Landeshaushalt 2027 beschlossen', lead: 'Der Landtag hat den Haushalt verabschiedet.', paragraph: 'Der Haushalt umfasst 13 Milliarden Euro.' });
  await author.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('In Prüfung');

  // The approver's laptop: its own browser entry and data folder.
  await asApprover(browser, portal, async (approver) => {
    await approver.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zur Prüfung' }).click();
    await approver.getByRole('link', { name: 'Landeshaushalt 2027 beschlossen' }).click();
    const preview = approver.getByRole('region', { name: 'Vorschau' });
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Landeshaushalt 2027 beschlossen');
    await expect(approver.getByText('Eingereicht von redaktion, Revision 1')).toBeVisible();
    await approver.getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => portal.portal.getArticle(operator, portal.portal.listArticles(operator, undefined, 1, 0).items[0]!.id).status).toBe('approved');
  });

  // Back at the author's: approved; publish now; the public address.
  await editor.back();
  await new DraftListPage(author).open('Landeshaushalt 2027 beschlossen');
  await expect(author.getByTestId('sync-state')).toHaveText('Freigegeben');
  await author.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('Veröffentlicht');
  const link = author.getByRole('link', { name: /\/presse\/landeshaushalt-2027-beschlossen-/ });
  await expect(link).toBeVisible();
  const page = await (await fetch((await link.getAttribute('href'))!)).text();
  expect(page).toContain('Der Haushalt umfasst 13 Milliarden Euro.');
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  expect(portal.portal.history(operator, article!.id).map((entry) => `${entry.action}:${entry.actor}`)).toEqual(['created:redaktion', 'submit:redaktion', 'approve:freigabe', 'publish:redaktion']);
});

test('the full round trip: submit, comment, request changes, revise, resubmit, approve, publish; the portal history names everyone', async ({ app, browser }) => {
  const author = app.page;
  await signIn(author, portal.url, 'redaktion');
  const editor = await writeRelease(author, {
    title: 'Neue Radwege in Erfurt',
    lead: 'Die Stadt baut zwölf Kilometer Radwege.',
    ministry: 'Thüringer Ministerium für Digitales und Infrastruktur',
    paragraph: 'Die Arbeiten beginnen im Frühjahr.',
  });
  await author.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('In Prüfung');

  await asApprover(browser, portal, async (approver) => {
    await openReview(approver, 'Neue Radwege in Erfurt');
    const comments = approver.getByRole('region', { name: 'Kommentare', exact: true });
    // The block is chosen by clicking it in the preview (or in the list); the text field takes the focus.
    await approver.getByRole('region', { name: 'Vorschau im Aussehen des Portals' }).getByText('Die Arbeiten beginnen im Frühjahr.').click();
    await expect(comments.getByLabel('Baustein')).toHaveValue(/.+/);
    await expect(comments.getByLabel('Baustein').locator('option:checked')).toHaveText('Text: Die Arbeiten beginnen im Frühjahr.…');
    await expect(comments.getByLabel('Kommentar')).toBeFocused();
    await approver.keyboard.type('Bitte den Monat nennen.');
    await comments.getByRole('button', { name: 'Kommentar senden' }).click();
    await expect(comments.getByRole('listitem')).toContainText('Bitte den Monat nennen.');
    // Beside its block in the preview too.
    await expect(approver.getByRole('button', { name: '1 offen, 1 Kommentare zu „Text: Die Arbeiten beginnen im Frühjahr.…“' })).toBeVisible();
    await approver.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await expect.poll(() => portal.portal.listArticles(operator, 'changes_requested', 1, 0).total).toBe(1);

    // The author sees the comment beside its block and the state, answers, revises, resubmits.
    await editor.back();
    await new DraftListPage(author).open('Neue Radwege in Erfurt');
    await expect(author.getByTestId('sync-state')).toHaveText('Änderungen erbeten');
    const authorComments = author.getByRole('region', { name: 'Kommentare', exact: true });
    const comment = authorComments.getByRole('listitem').filter({ hasText: 'Bitte den Monat nennen.' });
    await expect(comment).toContainText('Text: Die Arbeiten beginnen im Frühjahr.');
    // Beside its block: a marker level with the paragraph, which opens the thread there.
    const marker = author.getByRole('button', { name: '1 offen, 1 Kommentare zu „Text: Die Arbeiten beginnen im Frühjahr.…“' });
    const paragraph = editor.body.getByText('Die Arbeiten beginnen im Frühjahr.');
    await expect.poll(async () => Math.abs((await marker.boundingBox())!.y - (await paragraph.boundingBox())!.y)).toBeLessThan(12);
    await marker.click();
    const thread = author.getByRole('region', { name: 'Kommentare zu „Text: Die Arbeiten beginnen im Frühjahr.…“' });
    await expect(thread).toContainText('Bitte den Monat nennen.');
    await thread.getByRole('button', { name: 'Erledigt' }).click();
    await expect(comment).toContainText('erledigt von redaktion');
    await expect(author.getByRole('button', { name: '0 offen, 1 Kommentare zu „Text: Die Arbeiten beginnen im Frühjahr.…“' })).toBeVisible();
    await thread.getByRole('button', { name: 'Schließen' }).click();
    await editor.body.getByText('Die Arbeiten beginnen im Frühjahr.').click();
    await author.keyboard.press('End');
    await author.keyboard.press('Backspace');
    await author.keyboard.type(', genauer im März.');
    await editor.expectSaved();
    await author.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(author.getByTestId('sync-state')).toHaveText('In Prüfung');

    await openReview(approver, 'Neue Radwege in Erfurt');
    await expect(approver.getByText('Eingereicht von redaktion, Revision 2')).toBeVisible();
    await expect(approver.getByRole('region', { name: 'Vorschau' })).toContainText('genauer im März.');
    await approver.getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => portal.portal.listArticles(operator, 'approved', 1, 0).total).toBe(1);
  });

  await editor.back();
  await new DraftListPage(author).open('Neue Radwege in Erfurt');
  await expect(author.getByTestId('sync-state')).toHaveText('Freigegeben');
  await author.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('Veröffentlicht');
  const href = (await author.getByRole('link', { name: /\/presse\/neue-radwege-in-erfurt-/ }).getAttribute('href'))!;
  expect(await (await fetch(href)).text()).toContain('Die Arbeiten beginnen im Frühjahr, genauer im März.');
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  expect(portal.portal.history(operator, article!.id).map((entry) => `${entry.action}:${entry.actor}`)).toEqual([
    'created:redaktion',
    'submit:redaktion',
    'comment:freigabe',
    'request_changes:freigabe',
    'comment_resolved:redaktion',
    'updated:redaktion',
    'submit:redaktion',
    'approve:freigabe',
    'publish:redaktion',
  ]);
});

test('an approver edits a release under review in the app: a new revision of theirs, which they may not approve, and the app says why', async ({ app, browser }) => {
  const author = app.page;
  await signIn(author, portal.url, 'redaktion');
  const authorEditor = await writeRelease(author, { title: 'Förderprogramm verlängert', paragraph: 'Anträge sind bis Ende Juni möglich.' });
  // With an image, which the approver's laptop gets from the portal to show it.
  const blocks = new BlockEditor(author);
  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('galerie');
  await blocks.panel.getByRole('button', { name: 'Bild hinzufügen' }).click();
  await blocks.panelField('Alternativtext').fill('Blaue Fläche');
  await blocks.chooseFile('Bild: Datei auswählen …', { name: 'flaeche.png', mimeType: 'image/png', buffer: bluePng });
  await authorEditor.expectSaved();
  await author.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('In Prüfung');

  await asApprover(browser, portal, async (approver) => {
    await openReview(approver, 'Förderprogramm verlängert');
    const image = approver.getByRole('region', { name: 'Vorschau im Aussehen des Portals' }).getByRole('img', { name: 'Blaue Fläche' });
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
    await expect(approver.getByRole('button', { name: 'Bearbeiten' })).toHaveAccessibleDescription('Ihre Änderungen werden eine neue Fassung, die eine andere Person freigeben muss.');
    await approver.getByRole('button', { name: 'Bearbeiten' }).click();

    const editor = new EditorPage(approver);
    await expect(editor.title).toHaveValue('Förderprogramm verlängert');
    await expect(approver.getByTestId('sync-state')).toHaveText('In Prüfung');
    await editor.body.getByText('Anträge sind bis Ende Juni möglich.').click();
    await approver.keyboard.press('End');
    await approver.keyboard.press('Backspace');
    await approver.keyboard.type(' 2027.');
    await editor.expectSaved();
    await approver.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(approver.getByTestId('sync-state')).toHaveText('In Prüfung');
    const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
    // The save, then the submission: both delivered.
    await expect.poll(() => portal.portal.history(operator, article!.id).map((entry) => `${entry.action}:${entry.actor}`).slice(-2)).toEqual(['updated:freigabe', 'submit:freigabe']);
    const revised = portal.portal.getArticle(operator, article!.id);
    expect(revised).toMatchObject({ status: 'in_review', updatedBy: 'freigabe', authors: ['freigabe', 'redaktion'] });
    expect(revised.article.body.content[0]).toMatchObject({ content: [{ text: 'Anträge sind bis Ende Juni möglich 2027.' }] });
    expect(revised.article.body.content[1]).toMatchObject({ type: 'gallery', attrs: { images: [{ alt: 'Blaue Fläche', media: { sha256: sha256(bluePng) } }] } });

    await editor.back();
    await openReview(approver, 'Förderprogramm verlängert');
    await expect(approver.getByText('Eingereicht von redaktion, Revision 2')).toBeVisible();
    const approve = approver.getByRole('button', { name: 'Freigeben' });
    await expect(approve).toBeDisabled();
    await expect(approve).toHaveAccessibleDescription(/Vier-Augen-Prinzip/);
  });
  // The author cannot approve either: an editor's account has no inbox to approve from, and the portal refuses.
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  expect(() => portal.portal.transition({ name: 'redaktion', role: 'author', ministries: ['tfm', 'tmdi'] }, article!.id, { action: 'approve', revision: 2 })).toThrow();
});

test('an approver withdraws a release someone else published, with a reason; the author sees it withdrawn', async ({ app, browser }) => {
  const author = app.page;
  await signIn(author, portal.url, 'redaktion');
  const editor = await writeRelease(author, { title: 'Zu früh veröffentlicht' });
  await author.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('In Prüfung');
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  portal.portal.transition({ name: 'freigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, { action: 'approve', revision: 1 });
  await editor.back();
  await new DraftListPage(author).open('Zu früh veröffentlicht');
  await author.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('Veröffentlicht');
  // An author cannot withdraw; the app says who can.
  await expect(author.getByText('Zurückziehen kann nur eine Person mit Freigaberecht.')).toBeVisible();
  const url = portal.portal.getArticle(operator, article!.id).url!;

  await asApprover(browser, portal, async (approver) => {
    await approver.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zur Prüfung' }).click();
    await approver.getByRole('list', { name: 'Im Portal veröffentlicht' }).getByRole('link', { name: /Zu früh veröffentlicht/ }).click();
    await expect(approver.getByRole('link', { name: url })).toBeVisible();
    await approver.getByLabel('Grund für das Zurückziehen').fill('Sperrfrist übersehen');
    await approver.getByRole('button', { name: 'Zurückziehen' }).click();
    await expect.poll(() => portal.portal.getArticle(operator, article!.id).status).toBe('withdrawn');
    expect(portal.portal.history(operator, article!.id).at(-1)).toMatchObject({ action: 'withdraw', actor: 'freigabe', reason: 'Sperrfrist übersehen' });
    expect((await fetch(url)).status).toBe(410);
  });

  await editor.back();
  await new DraftListPage(author).open('Zu früh veröffentlicht');
  await expect(author.getByTestId('sync-state')).toHaveText('Zurückgezogen');
});

test('an approver who wrote a release does not find it to approve, and the portal refuses the approval', async ({ app }) => {
  const page = app.page;
  await signIn(page, portal.url, 'freigabe');
  await writeRelease(page, { title: 'Selbst geschrieben' });
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('In Prüfung');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zur Prüfung' }).click();
  await expect(page.getByText('Nichts zur Prüfung.', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: /Selbst geschrieben/ })).toHaveCount(0);
  const [article] = portal.portal.listArticles(operator, undefined, 1, 0).items;
  expect(() => portal.portal.transition({ name: 'freigabe', role: 'approver', ministries: ['tfm', 'tmdi'] }, article!.id, { action: 'approve', revision: 1 })).toThrow(/Vier-Augen-Prinzip/);
});
