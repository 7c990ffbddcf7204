import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';
import { BrowserEntryProcess } from './browser-entry.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

let portalTemp: ReturnType<typeof makeTempDirectory>;
let portal: PortalServer;
test.beforeEach(async () => {
  portalTemp = makeTempDirectory();
  portal = await startPortalServer({ dataDirectory: portalTemp.path, profile });
  portal.portal.addUser('redaktion', 'author', 'redaktion-passwort');
  portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort');
});
test.afterEach(async () => {
  await portal.close();
  portalTemp.remove();
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Beim Portal anmelden' });
  await dialog.getByLabel('Portal-Adresse').fill(portal.url);
  await dialog.getByLabel('Benutzername').fill(username);
  await dialog.getByLabel('Passwort').fill(`${username}-passwort`);
  await dialog.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText(`Angemeldet als ${username}`)).toBeVisible();
}

test('author and approver on two laptops: submit, approve exactly that revision, publish; the public page shows the text', async ({ app, browser }) => {
  const author = app.page;
  await signIn(author, 'redaktion');
  const editor = new EditorPage(author);
  await new DraftListPage(author).createNew();
  await editor.title.fill('Landeshaushalt 2027 beschlossen');
  await editor.lead.fill('Der Landtag hat den Haushalt verabschiedet.');
  await author.getByLabel('Ministerium').selectOption('Thüringer Finanzministerium');
  await author.getByLabel('Datum', { exact: true }).fill('2026-11-29');
  await editor.typeParagraphs(['Der Haushalt umfasst 13 Milliarden Euro.']);
  await expect(author.getByRole('region', { name: 'Prüfung' }).getByTestId('check-count')).toHaveText(/^0 Fehler/);
  await author.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(author.getByTestId('sync-state')).toHaveText('In Prüfung');

  // The approver's laptop: its own browser entry and data folder.
  const approverData = mkdtempSync(join(tmpdir(), 'pressestelle-e2e-approver-'));
  const approverEntry = await BrowserEntryProcess.start(approverData);
  const context = await browser.newContext();
  const approver = await context.newPage();
  try {
    await approver.goto(approverEntry.url);
    await signIn(approver, 'freigabe');
    await approver.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zur Prüfung' }).click();
    await approver.getByRole('link', { name: 'Landeshaushalt 2027 beschlossen' }).click();
    const preview = approver.getByRole('region', { name: 'Vorschau' });
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Landeshaushalt 2027 beschlossen');
    await expect(approver.getByText('Eingereicht von redaktion, Revision 1')).toBeVisible();
    await approver.getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => portal.portal.getArticle(portal.portal.listArticles(undefined, 1, 0).items[0]!.id).status).toBe('approved');
  } finally {
    await context.close();
    await approverEntry.stop();
    rmSync(approverData, { recursive: true, force: true });
  }

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
  const [article] = portal.portal.listArticles(undefined, 1, 0).items;
  expect(portal.portal.history(article!.id).map((entry) => `${entry.action}:${entry.actor}`)).toEqual(['created:redaktion', 'submit:redaktion', 'approve:freigabe', 'publish:redaktion']);
});
