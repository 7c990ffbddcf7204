import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { emptyArticle, type Article } from '../../common/article.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer } from '../../portal/server.js';
import { bluePng } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';
import { checkAccessibility } from './axe.js';
import { test } from './fixtures.js';
import { portalMinistries, signIn, TestPortal } from './portal-helpers.js';

test.use({ bypassCSP: true }); // only to inject axe-core

const media = { sha256: createHash('sha256').update(bluePng).digest('hex'), mimeType: 'image/png', size: bluePng.length, name: 'blau.png' };

function sliderRelease(): Article {
  const base = emptyArticle();
  const slides = [1, 2, 3, 4, 5].map((number) => ({ media, alt: `Blaue Fläche ${number}`, decorative: false, caption: '', credit: 'Land Thüringen', title: `Bild ${number}`, text: `Text zu Bild ${number}.` }));
  return {
    ...base,
    meta: { ...base.meta, title: 'Bilder der Woche', lead: 'Fünf Bilder.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29' },
    body: { type: 'doc', content: [{ type: 'slider', attrs: { id: 'slider-1', slides } }] },
  };
}

/** One slide at a time, "2 von 5", steps by button and by keyboard, and axe finds nothing. */
async function expectWorkingSlider(page: Page, within: string, scripted: boolean, review = false): Promise<void> {
  const scope = page.locator(within);
  const slider = scope.getByRole('region', { name: 'Bilder' });
  const track = slider.locator('.ce-slider-track');
  await expect(track).toHaveAttribute('tabindex', '0');
  const slides = slider.locator('.ce-slide');
  await expect(slides).toHaveCount(5);
  await expect(slides.first()).toContainText('1 von 5');

  // Nothing of the second slide shows at the right edge.
  const trackBox = (await track.boundingBox())!;
  const secondBox = (await slides.nth(1).boundingBox())!;
  expect(secondBox.x).toBeGreaterThanOrEqual(trackBox.x + trackBox.width - 1);
  await expect(slides.first().locator('img')).toBeInViewport({ ratio: 1 });

  await slides.first().getByRole('link', { name: 'Nächstes Bild' }).click();
  await expect(slides.nth(1)).toContainText('2 von 5');
  await expect.poll(async () => Math.abs((await slides.nth(1).boundingBox())!.x - trackBox.x)).toBeLessThan(2);
  if (!scripted) {
    // Without script the browser moves the start of keyboard navigation to the slide: Tab goes on from there.
    await page.keyboard.press('Tab');
    await expect(slides.nth(1).getByRole('link', { name: 'Vorheriges Bild' })).toBeFocused();
    await page.keyboard.press('Tab');
  }
  // In a review a click also picks the block for a comment, whose form takes the focus: the keyboard starts from the link.
  if (review) await slides.nth(1).getByRole('link', { name: 'Nächstes Bild' }).focus();
  await expect(slides.nth(1).getByRole('link', { name: 'Nächstes Bild' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => Math.abs((await slides.nth(2).boundingBox())!.x - trackBox.x)).toBeLessThan(2);
  await slides.nth(2).getByRole('link', { name: 'Vorheriges Bild' }).click();
  await expect.poll(async () => Math.abs((await slides.nth(1).boundingBox())!.x - trackBox.x)).toBeLessThan(2);

  // The track itself takes the arrow keys.
  await track.focus();
  const before = await track.evaluate((element) => element.scrollLeft);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => track.evaluate((element) => element.scrollLeft)).toBeGreaterThan(before);

  const { violations, passed } = await checkAccessibility(page, within);
  expect(violations).toEqual([]);
  expect(passed).toContain('scrollable-region-focusable');
}

test('the slider in "Vorschau": one slide at a time, buttons, keyboard, "2 von 5", no axe findings', async ({ app }) => {
  const { page } = app;
  const id = await page.evaluate(
    async ({ bytes, article }) => {
      const imported = await window.pressestelle.media.import({ name: 'blau.png', data: new Uint8Array(bytes), accept: ['image/png'] });
      if (!imported.ok) throw new Error('media import failed');
      const created = await window.pressestelle.drafts.create({ article });
      if (!created.ok) throw new Error('create failed');
      return created.value.id;
    },
    { bytes: [...bluePng], article: sliderRelease() },
  );
  await page.goto(`${app.entry.url.split('#')[0]}#/pressemitteilung/${id}`);
  await page.getByRole('button', { name: 'Vorschau' }).click();
  await expectWorkingSlider(page, '.portal-preview', true);
  // The steps scroll the slider; they do not leave the editor.
  await expect(page).toHaveURL(new RegExp(`#/pressemitteilung/${id}$`));
});

test('the slider on the public page works without script: links to the slides, a focusable track, "2 von 5"', async ({ page }) => {
  const temp = makeTempDirectory();
  const server = await startPortalServer({ dataDirectory: temp.path, profile: loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url))) });
  try {
    const tokens: Record<string, string> = {};
    for (const [name, role] of [['redaktion', 'author'], ['freigabe', 'approver']] as const) {
      server.portal.addUser(name, role, `${name}-passwort`, ['tfm']);
      const response = await fetch(`${server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: name, password: `${name}-passwort` }) });
      tokens[name] = ((await response.json()) as { token: string }).token;
    }
    const call = (name: string, method: string, path: string, body?: BodyInit) =>
      fetch(`${server.url}${path}`, { method, body, headers: { Authorization: `Bearer ${tokens[name]}`, 'Idempotency-Key': randomUUID() } });
    expect((await call('redaktion', 'PUT', `/api/v1/media/${media.sha256}`, new Blob([new Uint8Array(bluePng)]))).ok).toBe(true);
    const id = randomUUID();
    expect((await call('redaktion', 'PUT', `/api/v1/articles/${id}`, JSON.stringify(sliderRelease()))).status).toBe(201);
    expect((await call('redaktion', 'POST', `/api/v1/articles/${id}/transitions`, JSON.stringify({ action: 'submit', revision: 1 }))).status).toBe(200);
    expect((await call('freigabe', 'POST', `/api/v1/articles/${id}/transitions`, JSON.stringify({ action: 'approve', revision: 1 }))).status).toBe(200);
    const published = (await (await call('redaktion', 'POST', `/api/v1/articles/${id}/transitions`, JSON.stringify({ action: 'publish', revision: 1 }))).json()) as { url: string };
    await page.goto(published.url);
    await expectWorkingSlider(page, 'html', false);
  } finally {
    await server.close();
    temp.remove();
  }
});

test('the slider in a review ("Zur Prüfung"): the same working slider, and the steps do not leave the review', async ({ app }) => {
  const { page } = app;
  const portal = await TestPortal.start();
  try {
    const author = { name: 'redaktion', role: 'author' as const, ministries: portalMinistries };
    const id = randomUUID();
    await portal.portal.putMedia(author, media.sha256, new Uint8Array(bluePng));
    portal.portal.putArticle(author, id, sliderRelease(), null);
    portal.portal.transition(author, id, { action: 'submit', revision: 1 });
    await signIn(page, portal.url, 'freigabe');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zur Prüfung' }).click();
    await page.getByRole('link', { name: 'Bilder der Woche' }).click();
    await expect(page.locator('.review-preview .ce-slide img').first()).toBeVisible();
    await expectWorkingSlider(page, '.review-preview', true, true);
    await expect(page).toHaveURL(new RegExp(`#/pruefung/${id}$`));
  } finally {
    await portal.close();
  }
});
