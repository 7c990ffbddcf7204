import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { signIn, TestPortal } from './portal-helpers.js';

/** The release open in the editor, as stored. */
async function storedArticle(page: Page) {
  return page.evaluate(async () => {
    const id = decodeURIComponent(location.hash.replace('#/pressemitteilung/', ''));
    const result = await window.pressestelle.drafts.get({ id });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.article;
  });
}

async function fromTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Aus Vorlage …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Pressemitteilung aus einer Vorlage' });
  await dialog.getByRole('button', { name, exact: true }).click();
  await expect(page.locator('article.article-form').getByLabel('Titel', { exact: true })).toBeVisible();
}

test('"Aus Vorlage …": the portal’s template (offline too, from the cached profile) and one’s own from "Als Vorlage speichern"', async ({ app }) => {
  const page = app.page;
  const portal = await TestPortal.start();
  try {
    await signIn(page, portal.url, 'redaktion');
    await fromTemplate(page, 'Medieninformation des Finanzministeriums');
    const fromPortal = await storedArticle(page);
    expect(fromPortal.meta).toMatchObject({ ministry: 'Thüringer Finanzministerium', place: 'Erfurt', topics: ['Finanzen'], contact: { email: 'presse@tfm.thueringen.de' } });
    await expect(page.locator('.ProseMirror h2')).toHaveText('Über das Thüringer Finanzministerium');

    // One's own: this release's settings and blocks, under a name.
    await page.locator('article.article-form').getByLabel('Titel', { exact: true }).fill('Haushaltssperre aufgehoben');
    await page.getByRole('button', { name: 'Als Vorlage speichern' }).click();
    const naming = page.getByRole('dialog', { name: 'Als Vorlage speichern' });
    await naming.getByLabel('Name der Vorlage').fill('Haushalt – Standard');
    await naming.getByRole('button', { name: 'Vorlage speichern' }).click();
    await expect(page.getByText('Die Vorlage „Haushalt – Standard“ ist gespeichert')).toBeVisible();

    // The portal is gone: its template is still offered, from the profile cached at sign-in.
    await portal.stop();
    await page.getByRole('button', { name: /Zur Übersicht/ }).click();
    await fromTemplate(page, 'Medieninformation des Finanzministeriums');
    expect((await storedArticle(page)).meta.place).toBe('Erfurt');
    await page.getByRole('button', { name: /Zur Übersicht/ }).click();
    await fromTemplate(page, 'Haushalt – Standard');
    const own = await storedArticle(page);
    expect(own.meta).toMatchObject({ title: '', ministry: 'Thüringer Finanzministerium', place: 'Erfurt', topics: ['Finanzen'] });
    await expect(page.locator('.ProseMirror h2')).toHaveText('Über das Thüringer Finanzministerium');
  } finally {
    app.allowConsoleErrors = true; // the stopped portal
    await portal.close().catch(() => undefined);
  }
});
