import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../common/article.js';
import { bluePng, fakeJpeg } from '../fixtures/media.js';
import { demoRelease, release, usePortal } from './portal-harness.js';

describe('the reference portal over HTTP', () => {
  const t = usePortal();

  it('signs in with name and password, refuses wrong ones in German and limits failed attempts', async () => {
    const wrong = () => fetch(`${t.server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'redaktion', password: 'falsch-falsch' }) });
    const first = await wrong();
    expect(first.status).toBe(401);
    expect(await first.json()).toEqual({ error: { code: 'unauthorized', message: 'Benutzername oder Passwort ist falsch.' } });
    for (let attempt = 0; attempt < 4; attempt++) await wrong();
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);

    expect((await fetch(`${t.server.url}/api/v1/profile`)).status).toBe(401);
    expect((await fetch(`${t.server.url}/api/v1/profile`, { headers: { Authorization: 'Bearer erfunden' } })).status).toBe(401);
    // Tokens expire.
    t.clock += 9 * 60 * 60 * 1000;
    expect((await t.as.author.call('GET', '/api/v1/profile')).status).toBe(401);
  });

  it('answers the profile from the operator\'s configuration, with the demo page\'s unrenderable video', async () => {
    const { status, body } = await t.as.author.call('GET', '/api/v1/profile');
    expect(status).toBe(200);
    expect(body.profileVersion).toBe('2026-11-29.1');
    expect(body.elementTypes).toContainEqual({ name: 'mask_thvideo', block: 'video', fields: expect.any(Array), renderable: false });
    expect(body.elementTypes).toContainEqual(expect.objectContaining({ name: 'mask_thquote', fields: ['quote', 'speaker', 'role'], renderable: true }));
    expect(body.ministries).toContain('Thüringer Finanzministerium');
  });

  it('creates with a client id, updates with If-Match, refuses a stale revision with 412 and the current one', async () => {
    const id = randomUUID();
    const created = await t.as.author.put(id, demoRelease);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ id, revision: 1, status: 'draft', article: demoRelease });

    const changed = { ...demoRelease, meta: { ...demoRelease.meta, title: 'Neuer Titel' } };
    expect((await t.as.author.put(id, changed)).status).toBe(428);
    const updated = await t.as.author.put(id, changed, 1);
    expect(updated.status).toBe(200);
    expect(updated.body.revision).toBe(2);

    const stale = await t.as.author2.put(id, { ...demoRelease, meta: { ...demoRelease.meta, title: 'Ältere Fassung' } }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.error.message).toContain('aktuelle Revision 2');
    expect(stale.body.current).toMatchObject({ id, revision: 2, article: { meta: { title: 'Neuer Titel' } } });

    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body.revision).toBe(2);
    const list = await t.as.author.call('GET', '/api/v1/articles?status=draft');
    expect(list.body.total).toBe(1);
    expect((await t.as.author.call('GET', '/api/v1/articles?status=published')).body.total).toBe(0);
  });

  it('If-Match on an article that does not exist is a failed precondition (412), and creates nothing', async () => {
    const id = randomUUID();
    const refused = await t.as.author.put(id, demoRelease, 3);
    expect(refused.status).toBe(412);
    expect(refused.body.error).toMatchObject({ code: 'precondition_failed', message: expect.stringContaining('gibt es im Portal nicht') });
    expect(refused.body.current).toBeUndefined();
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).status).toBe(404);
    expect(t.server.portal.verifyHistory()).toEqual({ ok: true, entries: 0 });
  });

  it('a retry with the same Idempotency-Key after a lost response returns the first answer, never a second revision', async () => {
    const id = randomUUID();
    const key = { 'Idempotency-Key': 'retry-key-0001' };
    const first = await t.as.author.put(id, release('Einmal'), undefined, key);
    const retry = await t.as.author.put(id, release('Einmal'), undefined, key);
    expect(retry).toMatchObject({ status: first.status, body: first.body });

    const update = { 'Idempotency-Key': 'retry-key-0002' };
    const changed = await t.as.author.put(id, release('Zweimal'), 1, update);
    const changedAgain = await t.as.author.put(id, release('Zweimal'), 1, update);
    expect(changed.status).toBe(200);
    expect(changedAgain).toMatchObject({ status: 200, body: { revision: 2 } });
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body.map((entry: { action: string }) => entry.action)).toEqual(['created', 'updated']);

    // The response really lost: the request reaches the portal, its answer never reaches the client.
    const lost = { 'Idempotency-Key': 'retry-key-0003' };
    const request = httpRequest(`${t.server.url}/api/v1/articles/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${t.as.author.token}`, 'If-Match': '"2"', ...lost },
    });
    request.on('error', () => undefined);
    request.on('response', (response) => response.destroy());
    request.end(JSON.stringify(release('Dreimal')));
    await expect.poll(async () => (await t.as.author.call('GET', `/api/v1/articles/${id}`)).body.revision).toBe(3);
    request.destroy();
    const afterLoss = await t.as.author.put(id, release('Dreimal'), 2, lost);
    expect(afterLoss).toMatchObject({ status: 200, body: { revision: 3 } });
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body).toHaveLength(3);

    const reused = await t.as.author.put(id, release('Etwas anderes'), 3, update);
    expect(reused.status).toBe(422);
    expect(reused.body.error.message).toBe('Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.');
    const withoutKey = await fetch(`${t.server.url}/api/v1/articles/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${t.as.author.token}`, 'If-Match': '"2"' }, body: JSON.stringify(release('Ohne Schlüssel')) });
    expect(withoutKey.status).toBe(428);
    expect(((await withoutKey.json()) as { error: { message: string } }).error.message).toBe('Jede schreibende Anfrage braucht einen Idempotency-Key.');
  });

  it('refuses content the catalog or the profile does not know, naming the block in German', async () => {
    const unknownBlock = { ...release('Kaputt'), body: { type: 'doc', content: [{ type: 'iframe' }] } } as unknown as Article;
    const refused = await t.as.author.put(randomUUID(), unknownBlock);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('„iframe“');

    t.profile = { ...t.profile, elementTypes: t.profile.elementTypes.filter((type) => type.name !== 'mask_thquote') };
    await t.server.close();
    await t.start();
    await t.loginAll();
    const withQuote = await t.as.author.put(randomUUID(), demoRelease);
    expect(withQuote.status).toBe(422);
    expect(withQuote.body.error.details[0]).toEqual({ blockId: expect.any(String), message: 'Der Baustein „Zitat“ (mask_thquote) ist im Portal nicht bekannt.' });

    const longLead = await t.as.author.put(randomUUID(), release('Lang', { lead: 'x'.repeat(601) }));
    expect(longLead.body.error.message).toBe('Der Vorspann ist zu lang (601 Zeichen, das Portal erlaubt 600).');
  });

  it('comments anchor to a block of a revision; they are listed and resolved', async () => {
    const id = randomUUID();
    await t.as.author.put(id, release('Kommentare'));
    const added = await t.as.approver.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'p-1', revision: 1, text: 'Bitte die Zahl prüfen.' });
    expect(added.status).toBe(201);
    expect((await t.as.approver.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'gibt-es-nicht', revision: 1, text: 'x' })).status).toBe(422);
    const resolved = await t.as.author.call('POST', `/api/v1/articles/${id}/comments/${added.body.id}/resolve`);
    expect(resolved.body).toMatchObject({ resolvedBy: 'redaktion' });
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}/comments`)).body).toHaveLength(1);
  });

  it('media: idempotent under their hash; hash, type by content and size limit checked', async () => {
    const hash = (await import('node:crypto')).createHash('sha256').update(bluePng).digest('hex');
    const first = await t.as.author.call('PUT', `/api/v1/media/${hash}`, new Uint8Array(bluePng), { 'Content-Type': 'image/png' });
    expect(first).toMatchObject({ status: 201, body: { sha256: hash, mimeType: 'image/png', size: bluePng.length } });
    expect((await t.as.author.call('PUT', `/api/v1/media/${hash}`, new Uint8Array(bluePng))).status).toBe(200);
    expect((await t.as.author.call('PUT', `/api/v1/media/${'0'.repeat(64)}`, new Uint8Array(bluePng))).status).toBe(422);
    const fakeHash = (await import('node:crypto')).createHash('sha256').update(fakeJpeg).digest('hex');
    const fake = await t.as.author.call('PUT', `/api/v1/media/${fakeHash}`, new Uint8Array(fakeJpeg), { 'Content-Type': 'image/jpeg' });
    expect(fake.status).toBe(415);
    // The profile's limit per kind: an image over it is refused.
    t.profile = { ...t.profile, limits: { ...t.profile.limits, image: 50 } };
    await t.server.close();
    await t.start();
    await t.loginAll();
    const orange = (await import('../fixtures/media.js')).orangePng;
    const orangeHash = (await import('node:crypto')).createHash('sha256').update(orange).digest('hex');
    const tooLarge = await t.as.author.call('PUT', `/api/v1/media/${orangeHash}`, new Uint8Array(orange));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(/^Die Datei ist zu groß \(.*\); das Portal erlaubt für diese Art höchstens 50 Byte\.$/);
    // Only media of live releases are public.
    expect((await fetch(`${t.server.url}/media/${hash}`)).status).toBe(404);
  });

  it('the history is hash-chained: verified, and a tampered entry is detected', async () => {
    const { id } = await t.approved(release('Kette'));
    await t.as.author.transition(id, 'publish', 1);
    expect(t.server.portal.verifyHistory()).toEqual({ ok: true, entries: 4 });
    const db = t.server.portal.db;
    db.exec('DROP TRIGGER history_is_append_only_update');
    db.prepare("UPDATE history SET actor = 'jemand' WHERE seq = 3").run();
    expect(t.server.portal.verifyHistory()).toEqual({ ok: false, entries: 3, brokenAt: 3, reason: 'content does not match its hash' });
  });

  it('the website lists releases newest first, shows each with JSON-LD and offers an Atom feed', async () => {
    for (const title of ['Erste Meldung', 'Zweite Meldung']) {
      const { id } = await t.approved(release(title));
      await t.as.author.transition(id, 'publish', 1);
      t.clock += 60_000;
    }
    const list = await (await fetch(`${t.server.url}/presse/`)).text();
    expect(list.indexOf('Zweite Meldung')).toBeLessThan(list.indexOf('Erste Meldung'));
    expect(list).toContain('<html lang="de">');
    const slug = /href="\/presse\/(zweite-meldung-[0-9a-f]{8})"/.exec(list)![1]!;
    const article = await (await fetch(`${t.server.url}/presse/${slug}`)).text();
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Zweite Meldung', inLanguage: 'de' });
    const feed = await (await fetch(`${t.server.url}/presse/feed.xml`)).text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect((await fetch(`${t.server.url}/presse/gibt-es-nicht`)).status).toBe(404);
  });

  it('the page of a release shows its contact and topics, describes itself (JSON-LD, meta description) and has an icon', async () => {
    const contact = { name: 'Anna Beispiel', phone: '0361 57 36 11 000', email: 'presse@tfm.thueringen.de' };
    const hash = createHash('sha256').update(bluePng).digest('hex');
    expect((await t.as.author.call('PUT', `/api/v1/media/${hash}`, new Uint8Array(bluePng), { 'Content-Type': 'image/png' })).status).toBe(201);
    const image = { media: { sha256: hash, mimeType: 'image/png', size: bluePng.length, name: 'blau.png' }, alt: 'Eine blaue Fläche', decorative: false, caption: '', credit: 'Land Thüringen' };
    const base = release('Mit Kontakt', { lead: 'Ein Vorspann mit "Anführung".', contact, topics: ['Haushalt', 'Finanzen'] });
    const withImage = { ...base, body: { type: 'doc' as const, content: [...base.body.content!, { type: 'textWithImage', attrs: { id: 'b1', position: 'above', image }, content: [{ type: 'paragraph' }] }] } };
    const { id } = await t.approved(withImage);
    const published = await t.as.author.transition(id, 'publish', 1);
    expect(published.status).toBe(200);
    const list = await (await fetch(`${t.server.url}/presse/`)).text();
    const slug = /href="\/presse\/([a-z0-9-]+)"/.exec(list.slice(list.indexOf('<main')))![1]!;
    const html = await (await fetch(`${t.server.url}/presse/${slug}`)).text();
    expect(html).toContain('<h2>Pressekontakt</h2>');
    expect(html).toContain('<a href="mailto:presse@tfm.thueringen.de">presse@tfm.thueringen.de</a>');
    expect(html).toContain('<p class="portal-article-topics"><strong>Themen:</strong> Haushalt, Finanzen</p>');
    expect(html).toContain('<meta name="description" content="Ein Vorspann mit &quot;Anführung&quot;.">');
    expect(html).toContain('<link rel="icon" href="/presse/favicon.svg" type="image/svg+xml">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(jsonLd).toMatchObject({
      keywords: 'Haushalt, Finanzen',
      author: { '@type': 'GovernmentOrganization', name: 'Thüringer Finanzministerium', url: 'https://finanzen.thueringen.de/' },
      image: [`${t.server.portal.baseUrl}/media/${hash}`],
    });
    for (const path of ['/favicon.ico', '/presse/favicon.svg']) {
      const icon = await fetch(`${t.server.url}${path}`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    }
  });

  it('errors are JSON with a stable code and a German message; bodies are limited; no stack traces', async () => {
    const anonymous = await fetch(`${t.server.url}/api/v1/articles/${randomUUID()}`, { method: 'PUT', headers: { 'Idempotency-Key': 'k'.repeat(10) }, body: '{' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: 'Bitte melden Sie sich an.' } });
    const badJson = await t.as.author.call('PUT', `/api/v1/articles/${randomUUID()}`, undefined, { 'Content-Type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toEqual({ code: 'bad_request', message: 'Die Anfrage ist kein gültiges JSON.' });
    const huge = await t.as.author.call('PUT', `/api/v1/articles/${randomUUID()}`, { blob: 'x'.repeat(17 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.stringify(huge.body)).not.toMatch(/at .*\.ts/);
  });
});
