import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import type { Article } from '../../common/article.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { bluePng, orangePng, pdfBytes, vttBytes } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';
import { checkAccessibility } from './axe.js';

const demoRelease = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/demo-release.json', import.meta.url)), 'utf8')) as Article;

const test = base.extend<{ portal: PortalServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern; this one needs none
  portal: async ({}, use) => {
    const temp = makeTempDirectory();
    const server = await startPortalServer({ dataDirectory: temp.path, profile: loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url))) });
    try {
      await use(server);
    } finally {
      await server.close();
      temp.remove();
    }
  },
});
test.use({ bypassCSP: true }); // only to inject axe-core into the published page

async function session(server: PortalServer, name: string, role: 'author' | 'approver'): Promise<(method: string, path: string, body?: BodyInit, headers?: Record<string, string>) => Promise<Response>> {
  server.portal.addUser(name, role, `${name}-passwort`, ['tfm']);
  const response = await fetch(`${server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: name, password: `${name}-passwort` }) });
  const { token } = (await response.json()) as { token: string };
  return (method, path, body, headers = {}) => fetch(`${server.url}${path}`, { method, body, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), ...headers } });
}

test('the demo release published on the reference portal: its page has no axe violations, and the list and feed show it', async ({ page, portal }) => {
  const author = await session(portal, 'redaktion', 'author');
  const approver = await session(portal, 'freigabe', 'approver');
  for (const bytes of [bluePng, orangePng, pdfBytes, vttBytes]) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect((await author('PUT', `/api/v1/media/${hash}`, new Blob([new Uint8Array(bytes)]))).ok).toBe(true);
  }
  // The portal of the example profile cannot render videos (as on the demo page): the release goes without.
  const teaserImage = { media: { sha256: createHash('sha256').update(bluePng).digest('hex'), mimeType: 'image/png', size: bluePng.length, name: 'blau.png' }, alt: 'Eine blaue Fläche', decorative: false, caption: '', credit: 'Land Thüringen' };
  const article: Article = { ...demoRelease, meta: { ...demoRelease.meta, teaserImage }, body: { ...demoRelease.body, content: demoRelease.body.content.filter((node) => node.type !== 'video') } };
  const id = randomUUID();
  expect((await author('PUT', `/api/v1/articles/${id}`, JSON.stringify(article))).status).toBe(201);
  expect((await author('POST', `/api/v1/articles/${id}/transitions`, JSON.stringify({ action: 'submit', revision: 1 }))).status).toBe(200);
  expect((await approver('POST', `/api/v1/articles/${id}/transitions`, JSON.stringify({ action: 'approve', revision: 1 }))).status).toBe(200);
  const published = (await (await author('POST', `/api/v1/articles/${id}/transitions`, JSON.stringify({ action: 'publish', revision: 1 }))).json()) as { url: string };

  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${portal.url}/presse/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Medieninformationen' })).toBeVisible();
  // The list: teaser image and lead with each release; the page framed by the portal's header and footer, the content centred.
  await expectFrame(page);
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: article.meta.title }) });
  await expect(entry.getByRole('img', { name: 'Eine blaue Fläche' })).toBeVisible();
  await expect(entry.getByText(article.meta.lead)).toBeVisible();
  expect((await checkAccessibility(page, 'html')).violations).toEqual([]);
  await page.getByRole('link', { name: article.meta.title }).click();
  await expect(page).toHaveURL(published.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.meta.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect.poll(() => page.locator('img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0))).toBe(true);

  const { violations, passed } = await checkAccessibility(page, 'html');
  expect(violations).toEqual([]);
  expect(passed).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'html-has-lang', 'document-title', 'list']));

  // The reader finds the press contact and the topics below the text; the page asks for nothing that is not there (a favicon).
  await expect(page.getByRole('heading', { level: 2, name: 'Pressekontakt' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'presse@tfm.thueringen.de' })).toHaveAttribute('href', 'mailto:presse@tfm.thueringen.de');
  await expect(page.getByText('Themen: Digitalisierung, Verwaltung')).toBeVisible();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', article.meta.lead);
  await expectFrame(page);
  await page.getByRole('link', { name: 'Alle Medieninformationen' }).click();
  await expect(page).toHaveURL(`${portal.url}/presse/`);
  expect(failed).toEqual([]);
});

async function expectFrame(page: Page): Promise<void> {
  await expect(page.getByRole('banner').getByRole('link', { name: 'Freistaat Thüringen – Medieninformationen' })).toHaveAttribute('href', '/presse/');
  const legal = page.getByRole('contentinfo').getByRole('navigation', { name: 'Rechtliches' });
  await expect(legal.getByRole('link', { name: 'Impressum' })).toHaveAttribute('href', 'https://thueringen.de/impressum');
  await expect(legal.getByRole('link', { name: 'Datenschutz' })).toHaveAttribute('href', 'https://thueringen.de/datenschutz');
  const main = (await page.getByRole('main').boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(Math.abs(main.x + main.width / 2 - width / 2)).toBeLessThan(2);
  expect(main.x).toBeGreaterThan(50);
}
