import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../common/article.js';
import { bluePng, orangePng, pdfBytes, vttBytes } from '../fixtures/media.js';
import { startWordPress } from '../wordpress/wordpress.js';
import { demoRelease, usePortal, type PortalTest } from './portal-harness.js';

// A real WordPress from Debian's packages (tests/wordpress/start.sh); skipped only when it cannot start, saying why.
const started = startWordPress();
const site = 'site' in started ? started.site : null;
if (!site) console.warn(`WordPress tests skipped: ${'reason' in started ? started.reason : ''}`);

interface Post {
  id: number;
  status: string;
  link: string;
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
  featured_media: number;
  tags: number[];
  categories: number[];
  date_gmt: string;
}

const files = [bluePng, orangePng, pdfBytes, vttBytes];
const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The demo release without the video (the example profile cannot render it), with a teaser image. */
function demo(title?: string): Article {
  const article = structuredClone(demoRelease);
  article.body.content = article.body.content.filter((block) => block.type !== 'video');
  const withImage = article.body.content.find((block) => block.type === 'textWithImage')!;
  article.meta.teaserImage = withImage.attrs!.image as Article['meta']['teaserImage'];
  if (title) article.meta.title = title;
  return article;
}

describe.skipIf(!site)(`delivery to a real WordPress${site ? '' : ' (skipped: WordPress could not be started)'}`, () => {
  const t = usePortal();
  afterAll(() => site?.purge());

  async function setUp(user = site!.user, password = site!.password): Promise<void> {
    t.server.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: site!.url, user, secret: password });
    for (const data of files) expect((await t.as.author.call('PUT', `/api/v1/media/${hashOf(data)}`, new Uint8Array(data))).status).toBeLessThan(300);
  }
  const delivery = async (test: PortalTest, id: string) => ((await test.as.author.call('GET', `/api/v1/articles/${id}`)).body.deliveries as Array<Record<string, unknown>>).find((entry) => entry.destination === 'wordpress')!;
  const postsBySlug = (slug: string) => site!.rest<Post[]>('/wp/v2/posts', { slug, status: 'publish,draft,future,pending,private', context: 'edit' });

  it('publishes the demo release once: blocks, excerpt, featured image with alt text, tags, category, each file once', async () => {
    await setUp();
    const article = demo();
    const { id } = await t.approved(article);
    const published = await t.as.author.transition(id, 'publish', 1);
    expect(published.status).toBe(200);
    const slug = (published.body.url as string).split('/').pop()!;
    await t.server.portal.deliveries.runDue();
    const entry = await delivery(t, id);
    expect(entry).toMatchObject({ status: 'delivered', attempts: 1, error: null });

    const posts = await postsBySlug(slug);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(entry.url).toBe(post.link);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(article.meta.title);
    expect(post.excerpt.raw).toBe(article.meta.lead);
    expect(post.date_gmt).toBe(published.body.publishedAt.replace(/\.\d+Z$/, ''));
    for (const block of ['paragraph', 'heading', 'quote', 'table', 'list', 'image']) expect(post.content.raw).toContain(`<!-- wp:${block}`);
    expect(post.content.raw.indexOf(article.meta.lead)).toBeLessThan(post.content.raw.indexOf('<!-- wp:quote'));

    const featured = await site!.rest<{ alt_text: string }>(`/wp/v2/media/${post.featured_media}`, { context: 'edit' });
    expect(featured.alt_text).toBe(article.meta.teaserImage!.alt);
    const tags = await site!.rest<Array<{ name: string }>>('/wp/v2/tags', { include: post.tags.join(',') });
    expect(tags.map((tag) => tag.name).sort()).toEqual([...article.meta.topics].sort());
    const [category] = await site!.rest<Array<{ name: string }>>('/wp/v2/categories', { include: post.categories.join(',') });
    expect(category!.name).toBe(article.meta.ministry);
    const used = new Set([...JSON.stringify(article).matchAll(/"sha256":"([0-9a-f]{64})"/g)].map((match) => match[1]!));
    for (const sha256 of used) expect(await site!.rest<unknown[]>('/wp/v2/media', { slug: sha256 })).toHaveLength(1);

    const page = await (await fetch(post.link)).text();
    expect(page).toContain('Verwaltungsleistungen');
  });

  it('a correction updates the same post with "Aktualisiert am"; a withdrawal takes it off the site', async () => {
    await setUp();
    const { id } = await t.approved(demo());
    const published = await t.as.author.transition(id, 'publish', 1);
    const slug = (published.body.url as string).split('/').pop()!;
    await t.server.portal.deliveries.runDue();
    const [first] = await postsBySlug(slug);

    expect((await t.as.author.put(id, demo('Berichtigte Fassung'), 1)).status).toBe(200);
    await t.as.author.transition(id, 'submit', 2);
    await t.as.approver.transition(id, 'approve', 2);
    t.clock += 60_000;
    expect((await t.as.approver.transition(id, 'correct', 2, { reason: 'Titel berichtigt' })).status).toBe(200);
    await t.server.portal.deliveries.runDue();
    const corrected = await postsBySlug(slug);
    expect(corrected).toHaveLength(1);
    expect(corrected[0]!.id).toBe(first!.id);
    expect(corrected[0]!.title.raw).toBe('Berichtigte Fassung');
    expect(corrected[0]!.content.raw).toContain('Aktualisiert am');

    expect((await t.as.approver.transition(id, 'withdraw', 2, { reason: 'Zurückgezogen' })).status).toBe(200);
    await t.server.portal.deliveries.runDue();
    const [withdrawn] = await postsBySlug(slug);
    expect(withdrawn!.status).toBe('draft');
    expect((await fetch(first!.link)).status).toBe(404);
    expect(await delivery(t, id)).toMatchObject({ status: 'delivered', url: null });
  });

  it('WordPress down during a publish: pending with the reason, then delivered once when it is back', async () => {
    await setUp();
    const { id } = await t.approved(demo('Während WordPress ruht'));
    site!.stop();
    try {
      const published = await t.as.author.transition(id, 'publish', 1);
      await t.server.portal.deliveries.runDue();
      const pending = await delivery(t, id);
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
      expect(pending.error).toMatch(/^WordPress ist nicht erreichbar/);
      site!.start();
      t.clock += 60 * 60_000;
      await t.server.portal.deliveries.runDue();
      expect(await delivery(t, id)).toMatchObject({ status: 'delivered', attempts: 2, error: null });
      expect(await postsBySlug((published.body.url as string).split('/').pop()!)).toHaveLength(1);
    } finally {
      site!.start();
    }
  });

  it('a WordPress user without the right to publish: "failed" with WordPress\'s reason, in German', async () => {
    await setUp(site!.contributor, site!.contributorPassword);
    const { id } = await t.approved(demo('Ohne Recht'));
    await t.as.author.transition(id, 'publish', 1);
    await t.server.portal.deliveries.runDue();
    const failed = await delivery(t, id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^WordPress verweigert das: .+\(rest_cannot/);
  });

  it('scheduled: nothing in WordPress until the time, then published by the scheduler', async () => {
    await setUp();
    const { id } = await t.approved(demo('Geplant'));
    const scheduled = await t.as.author.transition(id, 'publish', 1, { at: new Date(t.clock + 60 * 60_000).toISOString() });
    expect(scheduled.body.status).toBe('scheduled');
    await t.server.portal.deliveries.runDue();
    expect(await site!.rest<unknown[]>('/wp/v2/posts', { search: 'Geplant', status: 'publish,draft,future,pending,private', context: 'edit' })).toHaveLength(0);
    t.clock += 60 * 60_000;
    expect(t.server.portal.runScheduler()).toEqual([id]);
    await t.server.portal.deliveries.runDue();
    expect(await delivery(t, id)).toMatchObject({ status: 'delivered' });
  });

  it('answers lost between portal and WordPress: still one post and one media item per file', async () => {
    // A proxy that lets the first write of each kind reach WordPress and then drops the connection.
    const dropped = new Set<string>();
    const target = new URL(site!.url);
    const proxy: Server = createServer((incoming, outgoing) => {
      const route = new URL(incoming.url ?? '/', 'http://x').searchParams.get('rest_route') ?? '';
      const kind = `${incoming.method} ${route.replace(/\/\d+$/, '/ID')}`;
      const drop = incoming.method === 'POST' && !dropped.has(kind);
      if (drop) dropped.add(kind);
      const forward = httpRequest({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => outgoing.socket?.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      t.server.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, user: site!.user, secret: site!.password });
      for (const data of files) await t.as.author.call('PUT', `/api/v1/media/${hashOf(data)}`, new Uint8Array(data));
      // A file of its own, so that its upload goes through the proxy too.
      const ownPdf = Buffer.concat([pdfBytes, Buffer.from(`% ${Date.now()}\n`)]);
      await t.as.author.call('PUT', `/api/v1/media/${hashOf(ownPdf)}`, new Uint8Array(ownPdf));
      const article = JSON.parse(
        JSON.stringify(demo('Verlorene Antworten')).replaceAll(`"sha256":"${hashOf(pdfBytes)}","mimeType":"application/pdf","size":${pdfBytes.length}`, `"sha256":"${hashOf(ownPdf)}","mimeType":"application/pdf","size":${ownPdf.length}`),
      ) as Article;
      expect(JSON.stringify(article)).toContain(hashOf(ownPdf));
      const { id } = await t.approved(article);
      const published = await t.as.author.transition(id, 'publish', 1);
      for (let attempt = 0; attempt < 10 && (await delivery(t, id)).status !== 'delivered'; attempt += 1) {
        await t.server.portal.deliveries.runDue();
        t.clock += 60 * 60_000;
      }
      expect([...dropped]).toEqual(expect.arrayContaining(['POST /wp/v2/media', 'POST /wp/v2/posts']));
      expect(await delivery(t, id)).toMatchObject({ status: 'delivered' });
      expect(await postsBySlug((published.body.url as string).split('/').pop()!)).toHaveLength(1);
      for (const data of [bluePng, orangePng, ownPdf]) expect(await site!.rest<unknown[]>('/wp/v2/media', { slug: hashOf(data) })).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
    }
  });

  it('destination test reports reachability, sign-in and each missing right in German', async () => {
    await setUp(site!.contributor, site!.contributorPassword);
    const checks = await t.server.portal.destinations.driver('wordpress')!.test();
    expect(checks.filter((check) => check.ok).map((check) => check.message)).toEqual([`Erreichbar: ${site!.url}`, 'Anmeldung als „mitarbeit“']);
    expect(checks.filter((check) => !check.ok).map((check) => check.message)).toEqual([
      'Recht: Beiträge veröffentlichen – fehlt',
      'Recht: Dateien hochladen – fehlt',
      'Recht: Schlagwörter und Kategorien anlegen – fehlt',
    ]);
  });
});
