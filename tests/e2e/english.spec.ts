import type { Page } from '@playwright/test';
import { catalogs } from '../../common/messages/index.js';
import { portalMessages } from '../../portal/messages.js';
import { portalMessagesEn } from '../../portal/messages-en.js';
import { BrowserEntryProcess } from './browser-entry.js';
import { expect, test } from './fixtures.js';
import { TestPortal } from './portal-helpers.js';

/**
 * The pieces of German catalog text that differ from the English ones: whole messages, and for
 * messages with placeholders their literal parts of some length. None may show in English.
 */
function germanPieces(): string[] {
  const pieces = new Set<string>();
  // Also English: a word the English catalog uses as it is ("Deutsch", the language's own name).
  const english = new Set([...Object.values(catalogs.en), ...Object.values(portalMessagesEn)]);
  const add = (german: string, inEnglish: string) => {
    if (german === inEnglish) return;
    for (const part of german.split(/\{\w+\}/)) {
      const piece = part.trim();
      if (piece.length >= (german.includes('{') ? 10 : 4) && !inEnglish.includes(piece) && !english.has(piece)) pieces.add(piece);
    }
  };
  for (const key of Object.keys(catalogs.de) as Array<keyof typeof catalogs.de>) add(catalogs.de[key], catalogs.en[key]);
  for (const key of Object.keys(portalMessages) as Array<keyof typeof portalMessages>) add(portalMessages[key], portalMessagesEn[key]);
  return [...pieces];
}

const pieces = germanPieces();

/** What a person sees on the page (text and the names of controls), checked against every German piece. */
async function expectNoGerman(page: Page, screen: string): Promise<void> {
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    // The release itself (its preview, its print sheet) is German content, like the portal's page.
    const content = [...document.querySelectorAll('.portal')];
    for (const element of content) (element as HTMLElement).hidden = true;
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')].filter((element) => !element.closest('.portal')).flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? '').filter((value) => value !== ''),
    );
    const text = `${document.body.innerText}\n${labels.join('\n')}\n${document.title}`;
    for (const element of content) (element as HTMLElement).hidden = false;
    return text;
  });
  // A single word counts where it stands alone (a label, a button); inside a line it may be a
  // proper name from the data ("Thüringer Ministerium für …"), which is not translated.
  const lines = new Set(seen.split('\n').map((line) => line.trim()));
  const found = pieces.filter((piece) => (/\s/.test(piece) ? seen.includes(piece) : lines.has(piece)));
  expect(found, `German text on the screen "${screen}"`).toEqual([]);
}

test('in English: every screen, dialog, check message, date and the portal’s answers, remembered after a restart; no German left', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const portal = await TestPortal.start();
  try {
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('radio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoGerman(page, 'Settings');

    // Remembered: the next launch opens in English.
    await page.goto('about:blank');
    expect(await app.entry.stop()).toBe(0);
    app.entry = await BrowserEntryProcess.start(app.dataDirectory);
    await page.goto(app.entry.url);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expectNoGerman(page, 'Press releases');

    await page.getByRole('button', { name: 'New press release' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
    await page.getByLabel('Title', { exact: true }).fill('Budget 2027');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('The state invests in schools.');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expectNoGerman(page, 'Editor');

    await page.getByRole('button', { name: 'Preview' }).click();
    await expectNoGerman(page, 'Preview');
    await page.getByRole('button', { name: 'History' }).click();
    await expectNoGerman(page, 'History');
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByRole('button', { name: 'Print' }).click();
    // The sheet is the German release with its German marks; the view around it speaks English.
    await expect(page.getByRole('region', { name: 'Print view' })).toContainText('ENTWURF – nicht zur Veröffentlichung');
    await expect(page.getByRole('button', { name: 'Print again' })).toBeVisible();
    await expectNoGerman(page, 'Print view');
    await page.goBack();

    // Dates as English readers write them ("2 Dec 2026, 10:15"), not "02.12.2026".
    await page.getByRole('link', { name: 'Press releases' }).click();
    await expect(page.getByRole('main')).toContainText(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b/);
    await expect(page.getByRole('main')).not.toContainText(/\b\d{2}\.\d{2}\.\d{4}\b/);
    await page.getByRole('link', { name: 'Trash' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
    await expectNoGerman(page, 'Trash');
    await page.getByRole('link', { name: 'For review' }).click();
    await expectNoGerman(page, 'For review');
    await page.getByRole('link', { name: 'Press releases' }).click();
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
    await expectNoGerman(page, 'Backups');

    // The portal's refusal comes in English too.
    await page.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in to the portal' });
    await dialog.getByLabel('Portal address').fill(portal.url);
    await dialog.getByLabel('User name').fill('redaktion');
    await dialog.getByLabel('Password').fill('not-the-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The user name or password is wrong.');
    await expectNoGerman(page, 'Sign in');
  } finally {
    await portal.close();
  }
});
