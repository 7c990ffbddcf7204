import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bluePng } from '../fixtures/media.js';
import { expect, test } from './fixtures.js';

/**
 * Cookies ignore ports: a cookie of the browser entry would reach every program on 127.0.0.1
 * that the browser visits. A hostile page on another loopback port, opened in the same browser
 * while the app runs, must find nothing it can use and change nothing.
 */
test('a page on another loopback port can neither read nor change anything through the browser entry', async ({ app }) => {
  const { page } = app;
  const appOrigin = new URL(app.entry.url).origin;
  const stored = await page.evaluate(async (bytes) => {
    const bridge = window.pressestelle;
    const media = await bridge.media.import({ name: 'geheim.png', data: new Uint8Array(bytes), accept: ['image/png'] });
    await bridge.drafts.create({});
    return media.ok ? media.value.sha256 : null;
  }, [...bluePng]);
  expect(stored).toMatch(/^[0-9a-f]{64}$/);
  const draftsBefore = await page.evaluate(async () => {
    const list = await window.pressestelle.drafts.list({ scope: 'active' });
    return list.ok ? list.value.total : -1;
  });
  expect(draftsBefore).toBe(1);

  const seen: IncomingHttpHeaders[] = [];
  const attacker: Server = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Andere Seite</title><p>Andere Seite</p>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    const other = await page.context().newPage();
    await other.goto(attackerUrl);
    const findings = await other.evaluate(
      async ({ target, sha }) => {
        const attempt = async (run: () => Promise<string>) => {
          try {
            return await run();
          } catch (error) {
            return `refused: ${String(error)}`;
          }
        };
        const loads = (source: string) =>
          new Promise<string>((resolve) => {
            const image = document.createElement('img');
            image.onload = () => resolve('loaded');
            image.onerror = () => resolve('refused');
            image.src = source;
            document.body.append(image);
            setTimeout(() => resolve('no answer'), 3_000);
          });
        return {
          cookie: document.cookie,
          storage: JSON.stringify({ ...sessionStorage, ...localStorage }),
          readList: await attempt(async () => (await (await fetch(`${target}/api/drafts.list`, { method: 'POST', credentials: 'include', body: '{}' })).text())),
          readMedia: await attempt(async () => String((await fetch(`${target}/media/${sha}`, { credentials: 'include' })).status)),
          create: await attempt(async () => {
            await fetch(`${target}/api/drafts.create`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{"input":{}}' });
            return 'sent (opaque)';
          }),
          image: await loads(`${target}/media/${sha}`),
          events: await new Promise<string>((resolve) => {
            const source = new EventSource(`${target}/api/events`, { withCredentials: true });
            source.onopen = () => resolve('open');
            source.onerror = () => resolve('refused');
            setTimeout(() => resolve('no answer'), 3_000);
          }),
        };
      },
      { target: appOrigin, sha: stored! },
    );
    expect(findings.cookie).toBe('');
    expect(findings.storage).toBe('{}');
    expect(findings.readList).toMatch(/^refused/);
    expect(findings.readMedia).toMatch(/^refused/);
    expect(findings.image).toBe('refused');
    expect(findings.events).toBe('refused');
    for (const headers of seen) expect(JSON.stringify(headers)).not.toContain(app.entry.token);
    await other.close();
  } finally {
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  }

  // Nothing changed, and the app itself still works after a reload (its token survives in its tab).
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  const draftsAfter = await page.evaluate(async () => {
    const list = await window.pressestelle.drafts.list({ scope: 'active' });
    return list.ok ? list.value.total : -1;
  });
  expect(draftsAfter).toBe(draftsBefore);
  expect(await page.context().cookies()).toEqual([]);
});

test('a link inside a release never takes the app’s own tab away; an address that only looks like a path is no link', async ({ app }) => {
  const { page } = app;
  const paragraph = (text: string, href: string) => ({
    type: 'paragraph',
    attrs: { id: `p-${text.length}` },
    content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }],
  });
  await page.evaluate(
    async (content) => {
      const created = await window.pressestelle.drafts.create({});
      if (!created.ok) throw new Error(created.error.message);
      const article = { ...created.value.article, meta: { ...created.value.article.meta, title: 'Mit Links' }, body: { type: 'doc', content } };
      const saved = await window.pressestelle.drafts.save({ id: created.value.id, baseVersion: created.value.version, article: article as never });
      if (!saved.ok) throw new Error(saved.error.message);
    },
    [paragraph('Zum Landesportal', 'https://example.invalid/seite'), paragraph('Hinterhältig gebaut', '/\\evil.example/x')],
  );
  await page.reload();
  await page.getByRole('link', { name: /Mit Links/ }).first().click();
  const appUrl = page.url();

  await page.getByRole('button', { name: 'Vorschau' }).click();
  const preview = page.getByRole('region', { name: 'Vorschau im Aussehen des Portals' });
  await expect(preview.getByRole('link', { name: 'Zum Landesportal' })).toHaveAttribute('href', 'https://example.invalid/seite');
  await expect(preview.getByText('Hinterhältig gebaut')).toBeVisible();
  await expect(preview.getByRole('link', { name: 'Hinterhältig gebaut' })).toHaveCount(0);

  const popup = page.waitForEvent('popup');
  await preview.getByRole('link', { name: 'Zum Landesportal' }).click();
  const opened = await popup;
  expect(await opened.evaluate(() => window.opener)).toBeNull();
  await opened.close();
  expect(page.url()).toBe(appUrl);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
});
