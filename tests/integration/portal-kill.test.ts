import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory } from '../temp-directory.js';
import { Client, release } from './portal-harness.js';
import { portalCli, requireBuiltPortal, startPortal, type PortalProcess } from './portal-process.js';

const RELEASES = 24;

/**
 * Fault suite: the portal is killed (kill -9) while publishes are on their way. After the
 * restart the hash chain is whole (`portal check`), and the retries with the same
 * Idempotency-Keys publish every release exactly once.
 */
describe('the portal killed during publishes', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let portal: PortalProcess | null = null;
  beforeEach(() => {
    requireBuiltPortal();
    temp = makeTempDirectory();
  });
  afterEach(async () => {
    await portal?.kill();
    temp.remove();
  });

  const cli = (...args: string[]) => spawnSync(process.execPath, [portalCli, ...args, '--data', temp.path], { env: { ...process.env, PORTAL_PASSWORD: 'geheim-genug' }, encoding: 'utf8' });
  const login = async (url: string, name: string) => {
    const response = await fetch(`${url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: name, password: 'geheim-genug' }) });
    expect(response.status).toBe(201);
    return new Client(url, ((await response.json()) as { token: string }).token);
  };

  it('keeps the history whole and publishes each release exactly once after the retries', async () => {
    expect(cli('user', 'add', 'redaktion', '--role', 'author', '--ministry', 'tfm').status).toBe(0);
    expect(cli('user', 'add', 'freigabe', '--role', 'approver', '--ministry', 'tfm').status).toBe(0);
    portal = await startPortal(['--data', temp.path, '--port', '0']);
    let author = await login(portal.url, 'redaktion');
    const approver = await login(portal.url, 'freigabe');
    const ids: string[] = [];
    for (let index = 0; index < RELEASES; index++) {
      const id = randomUUID();
      expect((await author.put(id, release(`Meldung ${index}`))).status).toBe(201);
      expect((await author.transition(id, 'submit', 1)).status).toBe(200);
      expect((await approver.transition(id, 'approve', 1)).status).toBe(200);
      ids.push(id);
    }

    // All publishes at once; the portal dies as soon as the first has answered.
    const keys = new Map(ids.map((id) => [id, randomUUID()]));
    const publish = (client: Client, id: string) => client.call('POST', `/api/v1/articles/${id}/transitions`, { action: 'publish', revision: 1 }, { 'Idempotency-Key': keys.get(id)! });
    const firstAnswer = Promise.race(ids.map((id) => publish(author, id).catch(() => null)));
    await firstAnswer;
    await portal.kill();

    const check = cli('check');
    expect(check.stdout).toMatch(/^history: ok \(\d+ entries\)\n$/);
    expect(check.status).toBe(0);

    portal = await startPortal(['--data', temp.path, '--port', '0']);
    author = await login(portal.url, 'redaktion');
    for (const id of ids) {
      const retried = await publish(author, id);
      expect([id, retried.status]).toEqual([id, 200]);
      expect(retried.body).toMatchObject({ status: 'published', publishedRevision: 1 });
    }
    for (const id of ids) {
      const history = (await author.call('GET', `/api/v1/articles/${id}/history`)).body as Array<{ action: string }>;
      expect(history.map((entry) => entry.action)).toEqual(['created', 'submit', 'approve', 'publish']);
    }
    expect(await portal.stop()).toBe(0);
    portal = null;
    expect(cli('check').stdout).toBe(`history: ok (${RELEASES * 4} entries)\n`);
  });
});
