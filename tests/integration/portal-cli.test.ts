import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory } from '../temp-directory.js';
import { portalCli, requireBuiltPortal, startPortal } from './portal-process.js';

const cli = portalCli;

describe('npm run portal', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  beforeEach(() => {
    requireBuiltPortal();
    temp = makeTempDirectory();
  });
  afterEach(() => temp.remove());

  it('adds users with a role and their ministries (password from the environment), serves on 127.0.0.1, and verifies its history', async () => {
    const userAdd = (...args: string[]) => spawnSync(process.execPath, [cli, 'user', 'add', ...args, '--data', temp.path], { env: { ...process.env, PORTAL_PASSWORD: 'geheim-genug' }, encoding: 'utf8' });
    const added = userAdd('redaktion', '--role', 'author', '--ministry', 'tfm', '--ministry', 'tmdi');
    expect(added.stdout).toBe('user: redaktion (author, tfm, tmdi)\n');
    const refused = userAdd('x', '--role', 'chef');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--role must be one of author, approver, admin');
    const unknownMinistry = userAdd('x', '--role', 'author', '--ministry', 'finanzen');
    expect(unknownMinistry.status).toBe(2);
    expect(unknownMinistry.stderr).toContain('--ministry must be one of tsk, tmikl, tfm,');
    const withoutMinistry = userAdd('x', '--role', 'approver');
    expect(withoutMinistry.status).toBe(2);
    expect(withoutMinistry.stderr).toContain('--ministry is required for an approver');
    expect(userAdd('chefin', '--role', 'admin').stdout).toBe('user: chefin (admin)\n');

    const portal = await startPortal(['--data', temp.path, '--port', '0']);
    const session = await fetch(`${portal.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'redaktion', password: 'geheim-genug' }) });
    expect(session.status).toBe(201);
    expect(((await session.json()) as { user: unknown }).user).toEqual({ name: 'redaktion', role: 'author', ministries: ['tfm', 'tmdi'] });
    expect(await portal.stop()).toBe(0);
    expect(portal.output()).toContain('stopped: SIGTERM');

    const check = spawnSync(process.execPath, [cli, 'check', '--data', temp.path], { encoding: 'utf8' });
    expect(check.stdout).toBe('history: ok (0 entries)\n');
    expect(check.status).toBe(0);
  });

  it('"demo" starts with the documented demo users', async () => {
    const portal = await startPortal(['demo', '--data', temp.path]);
    expect(portal.output()).toContain('freigabe/freigabe-demo (approver, tfm)');
    const session = await fetch(`${portal.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'freigabe', password: 'freigabe-demo' }) });
    expect(((await session.json()) as { user: unknown }).user).toEqual({ name: 'freigabe', role: 'approver', ministries: ['tfm'] });
    expect((await fetch(`${portal.url}/presse/`)).status).toBe(200);
    await portal.stop();
  });
});
