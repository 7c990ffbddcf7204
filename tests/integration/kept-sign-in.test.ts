import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle } from '../../common/article.js';
import { openAppServices, type AppServices, type AppServicesOptions } from '../../main/services/app-services.js';
import type { Cipher } from '../../main/services/credentials.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';
import { until } from '../until.js';

const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

/** Stands in for Electron's safeStorage: reversible, and the token is not readable in the file. */
const testCipher: Cipher = {
  encrypt: (text) => Buffer.from(`enc:${Buffer.from(text).toString('base64').split('').reverse().join('')}`),
  decrypt: (data) => {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('not encrypted here');
    return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString();
  },
};

describe('a sign-in kept between starts', () => {
  let appTemp: ReturnType<typeof makeTempDirectory>;
  let portalTemp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices | null = null;
  let portal: PortalServer;

  const open = async (options: AppServicesOptions = {}) => {
    await services?.close();
    services = await openAppServices(appTemp.path, { dailyBackups: false, ...options });
    return services;
  };

  beforeEach(async () => {
    appTemp = makeTempDirectory();
    portalTemp = makeTempDirectory();
    portal = await startPortalServer({ dataDirectory: portalTemp.path, profile });
    portal.portal.addUser('redaktion', 'author', 'redaktion-passwort', ['tfm']);
  });
  afterEach(async () => {
    await services?.close();
    services = null;
    await portal.close();
    appTemp.remove();
    portalTemp.remove();
  });

  it('in the browser entry: memory only unless the person chooses; then in a file only they may read, never the password', async () => {
    let app = await open();
    expect((await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort')).keepSignIn).toBe('file');
    expect(existsSync(join(appTemp.path, 'portal-anmeldung.json'))).toBe(false);
    app = await open();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.sync.status()).toMatchObject({ connected: false, kept: false, username: 'redaktion' });

    expect(await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort', true)).toMatchObject({ connected: true, kept: true });
    const file = join(appTemp.path, 'portal-anmeldung.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('redaktion-passwort');

    // After a restart: signed in without asking, the profile fetched again, and what is queued goes out.
    app.database.prepare("DELETE FROM settings WHERE key = 'portal.profile'").run();
    app = await open();
    await until(() => app.sync.status().connected && app.sync.cachedProfile() !== null);
    expect(app.sync.status()).toMatchObject({ connected: true, kept: true, username: 'redaktion', role: 'author', signInRequired: false });
    const draft = app.drafts.create({ ...emptyArticle(), meta: { ...emptyArticle().meta, title: 'Nach dem Neustart', lead: 'Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29' } });
    app.sync.submit(draft.id);
    await until(() => app.sync.releaseState(draft.id).portalStatus === 'in_review');

    // "Abmelden" forgets it.
    app.sync.disconnect();
    expect(existsSync(file)).toBe(false);
  });

  it('"Abmelden" ends the session on the portal too (its token is refused); offline the token is forgotten all the same and nothing queued is lost', async () => {
    const app = await open();
    await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort', true);
    const file = join(appTemp.path, 'portal-anmeldung.json');
    const { token } = JSON.parse(readFileSync(file, 'utf8')) as { token: string };
    const profileWith = async (bearer: string) => (await fetch(`${portal.url}/api/v1/profile`, { headers: { Authorization: `Bearer ${bearer}` } })).status;
    expect(await profileWith(token)).toBe(200);
    expect(app.sync.disconnect()).toMatchObject({ connected: false, kept: false });
    expect(existsSync(file)).toBe(false);
    await expect.poll(() => profileWith(token)).toBe(401);

    // Offline: signed out here at once, the queued comment stays for the next sign-in.
    await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort', true);
    const offlineToken = (JSON.parse(readFileSync(file, 'utf8')) as { token: string }).token;
    const port = portal.port;
    await portal.close();
    const draft = app.drafts.create(emptyArticle());
    app.sync.comment(draft.id, 'p-1', 1, 'wartet');
    expect(app.sync.disconnect()).toMatchObject({ connected: false, kept: false, pending: 1 });
    expect(existsSync(file)).toBe(false);
    portal = await startPortalServer({ dataDirectory: portalTemp.path, profile, port });
    // The portal never heard of the sign-out: that session ends by its own limits.
    // (Polled: a connection kept alive to the portal before its restart may fail once.)
    await expect.poll(() => profileWith(offlineToken).catch(() => 0)).toBe(200);
    expect(app.sync.status()).toMatchObject({ connected: false, pending: 1 });
  });

  it('in Electron: always kept, encrypted by the operating system', async () => {
    const app = await open({ cipher: testCipher });
    const status = await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    expect(status).toMatchObject({ keepSignIn: 'os', kept: true });
    const file = join(appTemp.path, 'portal-anmeldung.bin');
    const token = (JSON.parse(testCipher.decrypt(readFileSync(file))) as { token: string }).token;
    expect(readFileSync(file, 'utf8')).not.toContain(token);
    const again = await open({ cipher: testCipher });
    await until(() => again.sync.status().connected);
    // Without the system's key (another machine, another account) the file is of no use and goes.
    const elsewhere = await open();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(elsewhere.sync.status().connected).toBe(false);
  });

  it('a kept sign-in that expired, or that the portal no longer accepts, asks for a new sign-in and loses nothing queued', async () => {
    let app = await open();
    await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort', true);
    const file = join(appTemp.path, 'portal-anmeldung.json');

    // The portal ended the session (signed out elsewhere, restarted with new keys …).
    portal.portal.db.prepare('DELETE FROM sessions').run();
    app = await open();
    await until(() => app.sync.status().signInRequired);
    expect(app.sync.status()).toMatchObject({ connected: false, kept: false });
    expect(existsSync(file)).toBe(false);

    // Expired by the clock: not even tried.
    await app.sync.connect(portal.url, 'redaktion', 'redaktion-passwort', true);
    const draft = app.drafts.create(emptyArticle());
    app.sync.comment(draft.id, 'p-1', 1, 'wartet');
    const later = new Date(Date.now() + 9 * 60 * 60 * 1000);
    app = await open({ now: () => later });
    await until(() => app.sync.status().signInRequired);
    expect(app.sync.status()).toMatchObject({ connected: false, pending: 1 });
    expect(existsSync(file)).toBe(false);
  });
});
