import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import type { PortalArticle } from '../../common/portal-api.js';
import { loadProfileConfig, type ProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { bluePng, fakeJpeg } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

const profileFile = fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url));
const demoRelease = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/demo-release.json', import.meta.url)), 'utf8')) as Article;

function release(title: string, extra: Partial<Article['meta']> = {}): Article {
  const base = emptyArticle();
  return {
    ...base,
    meta: { ...base.meta, title, lead: 'Ein Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29', ...extra },
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: `${title}: der Text.` }] }] },
  };
}

/** A client of one user: bearer token, JSON, an Idempotency-Key per write unless one is given. */
class Client {
  constructor(
    private readonly base: string,
    readonly token: string,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are what the assertions check
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'Idempotency-Key': randomUUID() } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  put(id: string, article: Article, revision?: number, headers: Record<string, string> = {}) {
    return this.call('PUT', `/api/v1/articles/${id}`, article, { ...(revision ? { 'If-Match': `"${revision}"` } : {}), ...headers });
  }

  transition(id: string, action: string, revision: number, extra: Record<string, unknown> = {}) {
    return this.call('POST', `/api/v1/articles/${id}/transitions`, { action, revision, ...extra });
  }
}

describe('the reference portal over HTTP', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let server: PortalServer;
  let clock: number;
  let profile: ProfileConfig;
  const users = { author: 'redaktion', author2: 'redaktion2', approver: 'freigabe', approver2: 'freigabe2', admin: 'admin' } as const;
  let as: Record<keyof typeof users, Client>;

  async function start(): Promise<void> {
    server = await startPortalServer({ dataDirectory: temp.path, profile, now: () => new Date(clock) });
  }

  async function login(name: string): Promise<Client> {
    const response = await fetch(`${server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: name, password: `${name}-passwort` }) });
    expect(response.status).toBe(201);
    return new Client(server.url, ((await response.json()) as { token: string }).token);
  }

  async function loginAll(): Promise<void> {
    as = {} as typeof as;
    for (const [key, name] of Object.entries(users)) as[key as keyof typeof users] = await login(name);
  }

  beforeEach(async () => {
    temp = makeTempDirectory();
    clock = Date.parse('2026-11-29T08:00:00.000Z');
    profile = loadProfileConfig(profileFile);
    await start();
    server.portal.addUser(users.author, 'author', 'redaktion-passwort');
    server.portal.addUser(users.author2, 'author', 'redaktion2-passwort');
    server.portal.addUser(users.approver, 'approver', 'freigabe-passwort');
    server.portal.addUser(users.approver2, 'approver', 'freigabe2-passwort');
    server.portal.addUser(users.admin, 'admin', 'admin-passwort');
    await loginAll();
  });
  afterEach(async () => {
    await server.close();
    temp.remove();
  });

  /** Written by the author, submitted, approved by the approver: ready to publish. */
  async function approved(article: Article): Promise<{ id: string; revision: number }> {
    const id = randomUUID();
    expect((await as.author.put(id, article)).status).toBe(201);
    expect((await as.author.transition(id, 'submit', 1)).status).toBe(200);
    expect((await as.approver.transition(id, 'approve', 1)).status).toBe(200);
    return { id, revision: 1 };
  }

  it('signs in with name and password, refuses wrong ones in German and limits failed attempts', async () => {
    const wrong = () => fetch(`${server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'redaktion', password: 'falsch-falsch' }) });
    const first = await wrong();
    expect(first.status).toBe(401);
    expect(await first.json()).toEqual({ error: { code: 'unauthorized', message: 'Benutzername oder Passwort ist falsch.' } });
    for (let attempt = 0; attempt < 4; attempt++) await wrong();
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);

    expect((await fetch(`${server.url}/api/v1/profile`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/profile`, { headers: { Authorization: 'Bearer erfunden' } })).status).toBe(401);
    // Tokens expire.
    clock += 9 * 60 * 60 * 1000;
    expect((await as.author.call('GET', '/api/v1/profile')).status).toBe(401);
  });

  it('answers the profile from the operator\'s configuration, with the demo page\'s unrenderable video', async () => {
    const { status, body } = await as.author.call('GET', '/api/v1/profile');
    expect(status).toBe(200);
    expect(body.profileVersion).toBe('2026-11-29.1');
    expect(body.elementTypes).toContainEqual({ name: 'mask_thvideo', block: 'video', fields: expect.any(Array), renderable: false });
    expect(body.elementTypes).toContainEqual(expect.objectContaining({ name: 'mask_thquote', fields: ['quote', 'speaker', 'role'], renderable: true }));
    expect(body.ministries).toContain('Thüringer Finanzministerium');
  });

  it('creates with a client id, updates with If-Match, refuses a stale revision with 412 and the current one', async () => {
    const id = randomUUID();
    const created = await as.author.put(id, demoRelease);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ id, revision: 1, status: 'draft', article: demoRelease });

    const changed = { ...demoRelease, meta: { ...demoRelease.meta, title: 'Neuer Titel' } };
    expect((await as.author.put(id, changed)).status).toBe(428);
    const updated = await as.author.put(id, changed, 1);
    expect(updated.status).toBe(200);
    expect(updated.body.revision).toBe(2);

    const stale = await as.author2.put(id, { ...demoRelease, meta: { ...demoRelease.meta, title: 'Ältere Fassung' } }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.error.message).toContain('aktuelle Revision 2');
    expect(stale.body.current).toMatchObject({ id, revision: 2, article: { meta: { title: 'Neuer Titel' } } });

    expect((await as.author.call('GET', `/api/v1/articles/${id}`)).body.revision).toBe(2);
    const list = await as.author.call('GET', '/api/v1/articles?status=draft');
    expect(list.body.total).toBe(1);
    expect((await as.author.call('GET', '/api/v1/articles?status=published')).body.total).toBe(0);
  });

  it('a retry with the same Idempotency-Key after a lost response returns the first answer, never a second revision', async () => {
    const id = randomUUID();
    const key = { 'Idempotency-Key': 'retry-key-0001' };
    const first = await as.author.put(id, release('Einmal'), undefined, key);
    const retry = await as.author.put(id, release('Einmal'), undefined, key);
    expect(retry).toMatchObject({ status: first.status, body: first.body });

    const update = { 'Idempotency-Key': 'retry-key-0002' };
    const changed = await as.author.put(id, release('Zweimal'), 1, update);
    const changedAgain = await as.author.put(id, release('Zweimal'), 1, update);
    expect(changed.status).toBe(200);
    expect(changedAgain).toMatchObject({ status: 200, body: { revision: 2 } });
    expect((await as.author.call('GET', `/api/v1/articles/${id}/history`)).body.map((entry: { action: string }) => entry.action)).toEqual(['created', 'updated']);

    // The response really lost: the request reaches the portal, its answer never reaches the client.
    const lost = { 'Idempotency-Key': 'retry-key-0003' };
    const request = httpRequest(`${server.url}/api/v1/articles/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${as.author.token}`, 'If-Match': '"2"', ...lost },
    });
    request.on('error', () => undefined);
    request.on('response', (response) => response.destroy());
    request.end(JSON.stringify(release('Dreimal')));
    await expect.poll(async () => (await as.author.call('GET', `/api/v1/articles/${id}`)).body.revision).toBe(3);
    request.destroy();
    const afterLoss = await as.author.put(id, release('Dreimal'), 2, lost);
    expect(afterLoss).toMatchObject({ status: 200, body: { revision: 3 } });
    expect((await as.author.call('GET', `/api/v1/articles/${id}/history`)).body).toHaveLength(3);

    const reused = await as.author.put(id, release('Etwas anderes'), 3, update);
    expect(reused.status).toBe(422);
    expect(reused.body.error.message).toBe('Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.');
    const withoutKey = await fetch(`${server.url}/api/v1/articles/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${as.author.token}`, 'If-Match': '"2"' }, body: JSON.stringify(release('Ohne Schlüssel')) });
    expect(withoutKey.status).toBe(428);
    expect(((await withoutKey.json()) as { error: { message: string } }).error.message).toBe('Jede schreibende Anfrage braucht einen Idempotency-Key.');
  });

  it('refuses content the catalog or the profile does not know, naming the block in German', async () => {
    const unknownBlock = { ...release('Kaputt'), body: { type: 'doc', content: [{ type: 'iframe' }] } } as unknown as Article;
    const refused = await as.author.put(randomUUID(), unknownBlock);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('„iframe“');

    profile = { ...profile, elementTypes: profile.elementTypes.filter((type) => type.name !== 'mask_thquote') };
    await server.close();
    await start();
    await loginAll();
    const withQuote = await as.author.put(randomUUID(), demoRelease);
    expect(withQuote.status).toBe(422);
    expect(withQuote.body.error.details[0]).toEqual({ blockId: expect.any(String), message: 'Der Baustein „Zitat“ (mask_thquote) ist im Portal nicht bekannt.' });

    const longLead = await as.author.put(randomUUID(), release('Lang', { lead: 'x'.repeat(601) }));
    expect(longLead.body.error.message).toBe('Der Vorspann ist zu lang (601 Zeichen, das Portal erlaubt 600).');
  });

  it('an author cannot approve, nobody approves a text they wrote or changed, and an approval belongs to one revision', async () => {
    const id = randomUUID();
    await as.author.put(id, release('Vier Augen'));
    expect((await as.author.transition(id, 'submit', 1)).body.status).toBe('in_review');
    const byAuthor = await as.author.transition(id, 'approve', 1);
    expect(byAuthor.status).toBe(403);

    // The approver edits: a new revision, which they may not approve themselves.
    await as.approver.put(id, release('Vier Augen, verbessert'), 1);
    await as.author.transition(id, 'submit', 2);
    const own = await as.approver.transition(id, 'approve', 2);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('Vier-Augen-Prinzip');
    const stale = await as.approver2.transition(id, 'approve', 1);
    expect(stale.status).toBe(409);
    expect((await as.approver2.transition(id, 'approve', 2)).body).toMatchObject({ status: 'approved', approvedRevision: 2 });

    // A change after the approval needs a new one.
    const changed = await as.author.put(id, release('Vier Augen, nach der Freigabe'), 2);
    expect(changed.body).toMatchObject({ revision: 3, status: 'draft', approvedRevision: null });
    expect((await as.author.transition(id, 'publish', 3)).status).toBe(409);
  });

  it('two approvals of the same revision racing: exactly one wins', async () => {
    const id = randomUUID();
    await as.author.put(id, release('Wettlauf'));
    await as.author.transition(id, 'submit', 1);
    const results = await Promise.all([as.approver.transition(id, 'approve', 1), as.approver2.transition(id, 'approve', 1)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const approvals = (await as.author.call('GET', `/api/v1/articles/${id}/history`)).body.filter((entry: { action: string }) => entry.action === 'approve');
    expect(approvals).toHaveLength(1);
  });

  it('nothing goes live before the embargo; a schedule at the exact embargo minute does', async () => {
    const { id } = await approved(release('Sperrfrist', { embargo: '2026-11-29T12:00' }));
    const now = await as.author.transition(id, 'publish', 1);
    expect(now.status).toBe(422);
    expect(now.body.error.message).toBe('Vor Ablauf der Sperrfrist (29.11.2026, 12:00 Uhr) darf nichts veröffentlicht werden.');
    const early = await as.author.transition(id, 'publish', 1, { at: '2026-11-29T10:59:00.000Z' });
    expect(early.status).toBe(422);
    const exact = await as.author.transition(id, 'publish', 1, { at: '2026-11-29T11:00:00.000Z' });
    expect(exact.body).toMatchObject({ status: 'scheduled', scheduledAt: '2026-11-29T11:00:00.000Z' });

    clock = Date.parse('2026-11-29T10:59:59.000Z');
    expect(server.portal.runScheduler()).toEqual([]);
    clock = Date.parse('2026-11-29T11:00:00.000Z');
    expect(server.portal.runScheduler()).toEqual([id]);
    const live = (await as.author.call('GET', `/api/v1/articles/${id}`)).body as PortalArticle;
    expect(live).toMatchObject({ status: 'published', publishedRevision: 1, publishedAt: '2026-11-29T11:00:00.000Z' });
    expect((await fetch(live.url!)).status).toBe(200);
  });

  it('a schedule that fell due while the server was down publishes right after the start', async () => {
    const { id } = await approved(release('Geplant'));
    await as.author.transition(id, 'publish', 1, { at: '2026-11-29T09:00:00.000Z' });
    await server.close();
    clock = Date.parse('2026-11-29T10:30:00.000Z');
    await start();
    await loginAll();
    expect((await as.author.call('GET', `/api/v1/articles/${id}`)).body).toMatchObject({ status: 'published', publishedAt: '2026-11-29T10:30:00.000Z' });
  });

  it('a block the profile cannot render is refused at publish, naming it', async () => {
    const { id } = await approved(demoRelease);
    const refused = await as.author.transition(id, 'publish', 1);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ blockId: expect.any(String), message: 'Der Baustein „Video“ (mask_thvideo) kann im Portal nicht dargestellt werden und darf nicht veröffentlicht werden.' }]);
    expect((await as.author.call('GET', `/api/v1/articles/${id}`)).body.status).toBe('approved');
  });

  it('withdraw and correct: 410 after withdrawal, "aktualisiert am" after a correction, each with a reason', async () => {
    const { id } = await approved(release('Korrektur'));
    const published = (await as.author.transition(id, 'publish', 1)).body as PortalArticle;
    expect(published.status).toBe('published');
    const page = () => fetch(published.url!).then(async (response) => ({ status: response.status, html: await response.text() }));
    expect((await page()).html).not.toContain('aktualisiert am');

    clock += 60 * 60 * 1000;
    await as.author.put(id, release('Korrektur, berichtigt'), 1);
    expect((await page()).html).toContain('Korrektur: der Text.');
    await as.author.transition(id, 'submit', 2);
    await as.approver.transition(id, 'approve', 2);
    expect((await as.author.transition(id, 'correct', 2)).status).toBe(422);
    expect((await as.author.transition(id, 'correct', 2, { reason: 'Zahl berichtigt' })).body).toMatchObject({ status: 'published', publishedRevision: 2 });
    const corrected = await page();
    expect(corrected.html).toContain('Korrektur, berichtigt: der Text.');
    expect(corrected.html).toContain('aktualisiert am 29. November 2026 um 10:00');

    expect((await as.author.transition(id, 'withdraw', 2, { reason: 'Falsch' })).status).toBe(403);
    expect((await as.approver.transition(id, 'withdraw', 2, { reason: 'Rechtliche Prüfung' })).body.status).toBe('withdrawn');
    expect((await page()).status).toBe(410);
    const history = (await as.author.call('GET', `/api/v1/articles/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ action: 'withdraw', actor: 'freigabe', revision: 2, reason: 'Rechtliche Prüfung' });
  });

  it('runs the same checks as the app: errors stop submit and publish; an approver may override them with a reason', async () => {
    const id = randomUUID();
    const defective: Article = {
      ...release('Mit Fehlern'),
      body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: 'Mehr zum Haushalt ' }, { type: 'text', text: 'hier', marks: [{ type: 'link', attrs: { href: 'https://finanzen.thueringen.de/' } }] }] }] },
    };
    await as.author.put(id, defective);
    const refused = await as.author.transition(id, 'submit', 1);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/^Die Prüfung hat 1 Fehler gefunden/);
    expect(refused.body.error.details).toEqual([{ blockId: 'p-1', path: 'a11y.linkGeneric', message: expect.stringContaining('Der Linktext „hier“') }]);

    expect((await as.author.transition(id, 'submit', 1, { override: 'Der Link ist so gewollt.' })).status).toBe(403);
    const overridden = await as.approver.transition(id, 'submit', 1, { override: 'Zitat aus dem Original, Link bleibt.' });
    expect(overridden.body.status).toBe('in_review');
    const history = (await as.author.call('GET', `/api/v1/articles/${id}/history`)).body;
    expect(history.at(-2)).toMatchObject({ action: 'override', actor: 'freigabe', reason: 'Zitat aus dem Original, Link bleibt. [a11y.linkGeneric]' });

    await as.approver2.transition(id, 'approve', 1);
    expect((await as.author.transition(id, 'publish', 1)).status).toBe(422);
    expect((await as.approver2.transition(id, 'publish', 1, { override: 'Zitat aus dem Original, Link bleibt.' })).body.status).toBe('published');
  });

  it('comments anchor to a block of a revision; they are listed and resolved', async () => {
    const id = randomUUID();
    await as.author.put(id, release('Kommentare'));
    const added = await as.approver.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'p-1', revision: 1, text: 'Bitte die Zahl prüfen.' });
    expect(added.status).toBe(201);
    expect((await as.approver.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'gibt-es-nicht', revision: 1, text: 'x' })).status).toBe(422);
    const resolved = await as.author.call('POST', `/api/v1/articles/${id}/comments/${added.body.id}/resolve`);
    expect(resolved.body).toMatchObject({ resolvedBy: 'redaktion' });
    expect((await as.author.call('GET', `/api/v1/articles/${id}/comments`)).body).toHaveLength(1);
  });

  it('media: idempotent under their hash; hash, type by content and size limit checked', async () => {
    const hash = (await import('node:crypto')).createHash('sha256').update(bluePng).digest('hex');
    const first = await as.author.call('PUT', `/api/v1/media/${hash}`, new Uint8Array(bluePng), { 'Content-Type': 'image/png' });
    expect(first).toMatchObject({ status: 201, body: { sha256: hash, mimeType: 'image/png', size: bluePng.length } });
    expect((await as.author.call('PUT', `/api/v1/media/${hash}`, new Uint8Array(bluePng))).status).toBe(200);
    expect((await as.author.call('PUT', `/api/v1/media/${'0'.repeat(64)}`, new Uint8Array(bluePng))).status).toBe(422);
    const fakeHash = (await import('node:crypto')).createHash('sha256').update(fakeJpeg).digest('hex');
    const fake = await as.author.call('PUT', `/api/v1/media/${fakeHash}`, new Uint8Array(fakeJpeg), { 'Content-Type': 'image/jpeg' });
    expect(fake.status).toBe(415);
    // The profile's limit per kind: an image over it is refused.
    profile = { ...profile, limits: { ...profile.limits, image: 50 } };
    await server.close();
    await start();
    await loginAll();
    const orange = (await import('../fixtures/media.js')).orangePng;
    const orangeHash = (await import('node:crypto')).createHash('sha256').update(orange).digest('hex');
    const tooLarge = await as.author.call('PUT', `/api/v1/media/${orangeHash}`, new Uint8Array(orange));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(/^Die Datei ist zu groß \(.*\); das Portal erlaubt für diese Art höchstens 50 Byte\.$/);
    // Only media of live releases are public.
    expect((await fetch(`${server.url}/media/${hash}`)).status).toBe(404);
  });

  it('the history is hash-chained: verified, and a tampered entry is detected', async () => {
    const { id } = await approved(release('Kette'));
    await as.author.transition(id, 'publish', 1);
    expect(server.portal.verifyHistory()).toEqual({ ok: true, entries: 4 });
    const db = server.portal.db;
    db.exec('DROP TRIGGER history_is_append_only_update');
    db.prepare("UPDATE history SET actor = 'jemand' WHERE seq = 3").run();
    expect(server.portal.verifyHistory()).toEqual({ ok: false, entries: 3, brokenAt: 3, reason: 'content does not match its hash' });
  });

  it('the website lists releases newest first, shows each with JSON-LD and offers an Atom feed', async () => {
    for (const title of ['Erste Meldung', 'Zweite Meldung']) {
      const { id } = await approved(release(title));
      await as.author.transition(id, 'publish', 1);
      clock += 60_000;
    }
    const list = await (await fetch(`${server.url}/presse/`)).text();
    expect(list.indexOf('Zweite Meldung')).toBeLessThan(list.indexOf('Erste Meldung'));
    expect(list).toContain('<html lang="de">');
    const slug = /href="\/presse\/(zweite-meldung-[0-9a-f]{8})"/.exec(list)![1]!;
    const article = await (await fetch(`${server.url}/presse/${slug}`)).text();
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Zweite Meldung', inLanguage: 'de' });
    const feed = await (await fetch(`${server.url}/presse/feed.xml`)).text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect((await fetch(`${server.url}/presse/gibt-es-nicht`)).status).toBe(404);
  });

  it('errors are JSON with a stable code and a German message; bodies are limited; no stack traces', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/articles/${randomUUID()}`, { method: 'PUT', headers: { 'Idempotency-Key': 'k'.repeat(10) }, body: '{' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: 'Bitte melden Sie sich an.' } });
    const badJson = await as.author.call('PUT', `/api/v1/articles/${randomUUID()}`, undefined, { 'Content-Type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toEqual({ code: 'bad_request', message: 'Die Anfrage ist kein gültiges JSON.' });
    const huge = await as.author.call('PUT', `/api/v1/articles/${randomUUID()}`, { blob: 'x'.repeat(17 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.stringify(huge.body)).not.toMatch(/at .*\.ts/);
  });
});
