import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../common/article.js';
import { bluePng, orangePng, pdfBytes } from '../fixtures/media.js';
import { startWordPress } from '../wordpress/wordpress.js';
import { usePortal } from './portal-harness.js';
import { connectWordPress, deliveryOf, demo, hashOf, postsBySlug as postsOn, publishToWordPress, wordpressFiles } from './wordpress-harness.js';

// A real WordPress from Debian's packages (tests/wordpress/start.sh); skipped only when it cannot start, saying why.
const started = startWordPress();
const site = 'site' in started ? started.site : null;
if (!site) console.warn(`WordPress tests skipped: ${'reason' in started ? started.reason : ''}`);

/** The text of an HTML page, tags dropped and entities of the markup decoded. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#8222;/g, '„')
    .replace(/&#8220;/g, '“')
    .replace(/&#8211;/g, '–')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe.skipIf(!site)(`delivery to a real WordPress${site ? '' : ' (skipped: WordPress could not be started)'}`, () => {
  const t = usePortal();
  afterAll(() => site?.purge());

  const setUp = (user = site!.user, password = site!.password) => connectWordPress(t, site!, user, password);
  const delivery = deliveryOf;
  const postsBySlug = (slug: string) => postsOn(site!, slug);

  it('publishes the demo release once: blocks, excerpt, featured image with alt text, tags, category, each file once', async () => {
    await setUp();
    const article = demo();
    const { published, entry, post } = await publishToWordPress(t, site!, article);
    expect(entry.url).toBe(post.link);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(article.meta.title);
    expect(post.excerpt.raw).toBe(article.meta.lead);
    expect(post.date_gmt).toBe(published.body.publishedAt.replace(/\.\d+Z$/, ''));
    for (const block of ['paragraph', 'heading', 'quote', 'table', 'list', 'image', 'gallery', 'columns', 'group']) expect(post.content.raw).toContain(`<!-- wp:${block}`);
    expect(post.content.raw).not.toContain('<!-- wp:html');
    expect(post.content.raw.indexOf(article.meta.lead)).toBeLessThan(post.content.raw.indexOf('<!-- wp:quote'));

    const featured = await site!.rest<{ alt_text: string }>(`/wp/v2/media/${post.featured_media}`, { context: 'edit' });
    expect(featured.alt_text).toBe(article.meta.teaserImage!.alt);
    const tags = await site!.rest<Array<{ name: string }>>('/wp/v2/tags', { include: post.tags.join(',') });
    expect(tags.map((tag) => tag.name).sort()).toEqual([...article.meta.topics].sort());
    const [category] = await site!.rest<Array<{ name: string }>>('/wp/v2/categories', { include: post.categories.join(',') });
    expect(category!.name).toBe(article.meta.ministry);
    const used = new Set([...JSON.stringify(article).matchAll(/"sha256":"([0-9a-f]{64})"/g)].map((match) => match[1]!));
    for (const sha256 of used) expect(await site!.rest<unknown[]>('/wp/v2/media', { slug: sha256 })).toHaveLength(1);

    // The public page shows the body: text of several blocks that is in neither title nor excerpt, images from the media library.
    const page = await (await fetch(post.link)).text();
    const text = pageText(page);
    const fromBody = [
      'Der Fokus solle daher in Zukunft', // a paragraph
      'Wir müssen raus aus der Komplexitätsfalle', // a quote
      'Dr. Hartmut Schubert', // the quote's speaker
      'Geschichte des Güldenen Sterns', // the table's caption
      'Was ist das ITOF?', // an accordion item's title
      'Blauer Text auf hellblauem Grund.', // a box
      'Sachsen und Thüringen arbeiten zusammen.', // a column
      'Zum Haushaltsentwurf 2027', // a teaser's link
    ];
    for (const sentence of fromBody) {
      expect(`${article.meta.title} ${article.meta.lead}`).not.toContain(sentence);
      expect(text).toContain(sentence);
    }
    expect(page).toContain('<td>1572</td>'); // a table cell
    const library = [...page.matchAll(/<img [^>]*src="([^"]+)"[^>]*class="wp-image-(\d+)"/g)];
    expect(library.length).toBeGreaterThanOrEqual(4);
    for (const [, src] of library) expect(src).toMatch(new RegExp(`^${site!.url}/wp-content/uploads/.*[0-9a-f]{64}`));
    expect(page).toContain('alt="Wendeltreppe in der Bibliothek"');
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
      for (const data of wordpressFiles) await t.as.author.call('PUT', `/api/v1/media/${hashOf(data)}`, new Uint8Array(data));
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
