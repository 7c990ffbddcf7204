import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory } from '../temp-directory.js';
import { Client, release } from './portal-harness.js';
import { portalCli, requireBuiltPortal, startPortal, type PortalProcess } from './portal-process.js';

describe('npm run portal -- destination', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let portal: PortalProcess | null = null;
  beforeEach(() => {
    requireBuiltPortal();
    temp = makeTempDirectory();
  });
  afterEach(async () => {
    await portal?.stop();
    portal = null;
    temp.remove();
  });

  const run = (args: string[], input?: string, env: Record<string, string> = {}) => {
    const environment = { ...process.env, ...env };
    if (!('WORDPRESS_APP_PASSWORD' in env)) delete environment.WORDPRESS_APP_PASSWORD;
    return spawnSync(process.execPath, [portalCli, 'destination', ...args, '--data', temp.path], { env: environment, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  };

  it('adds (password from the environment or stdin), lists without the secret, removes; only HTTPS or loopback', () => {
    const added = run(['add', 'wordpress', '--type', 'wordpress', '--url', 'https://presse.example.org', '--user', 'portal'], undefined, { WORDPRESS_APP_PASSWORD: 'abcd efgh ijkl' });
    expect(added.stdout).toBe('destination: wordpress (wordpress, https://presse.example.org)\n');
    expect(run(['add', 'lokal', '--type', 'wordpress', '--url', 'http://127.0.0.1:8081', '--user', 'portal'], 'aus-stdin\n').status).toBe(0);
    const insecure = run(['add', 'offen', '--type', 'wordpress', '--url', 'http://presse.example.org', '--user', 'portal'], 'x\n');
    expect(insecure.status).toBe(2);
    expect(insecure.stderr).toContain('nur über HTTPS');

    const list = run(['list']);
    expect(list.stdout).toBe('website\twebsite\t(die Pressemitteilungen des Portals)\nlokal\twordpress\thttp://127.0.0.1:8081\tportal\nwordpress\twordpress\thttps://presse.example.org\tportal\n');
    expect(list.stdout).not.toContain('abcd');

    // Nothing answers there: the test says so in German and exits non-zero.
    const tested = run(['test', 'lokal']);
    expect(tested.status).toBe(1);
    expect(tested.stdout).toMatch(/^FEHLT WordPress ist nicht erreichbar/m);

    // Nothing is live on this new portal yet: nothing to queue; an unknown name is refused.
    expect(run(['backfill', 'lokal']).stdout).toBe('backfill: 0 releases queued for lokal\n');
    expect(run(['backfill', 'unbekannt']).status).not.toBe(0);

    expect(run(['remove', 'lokal']).stdout).toBe('removed: lokal\n');
    expect(run(['remove', 'lokal']).status).toBe(1);
    expect(run(['list']).stdout).not.toContain('lokal');
  });

  it('a running portal picks up a destination added and removed by the CLI, without a restart', async () => {
    const users = (...args: string[]) => spawnSync(process.execPath, [portalCli, 'user', ...args, '--data', temp.path], { env: { ...process.env, PORTAL_PASSWORD: 'geheim-genug' }, encoding: 'utf8' });
    expect(users('add', 'redaktion', '--role', 'author', '--ministry', 'tfm').status).toBe(0);
    expect(users('add', 'freigabe', '--role', 'approver', '--ministry', 'tfm').status).toBe(0);
    // A CMS that takes connections and never answers: its deliveries wait.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      portal = await startPortal(['--data', temp.path, '--port', '0']);
      const login = async (name: string) => {
        const response = await fetch(`${portal!.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: name, password: 'geheim-genug' }) });
        return new Client(portal!.url, ((await response.json()) as { token: string }).token);
      };
      const author = await login('redaktion');
      const approver = await login('freigabe');
      const publish = async (title: string) => {
        const id = randomUUID();
        expect((await author.put(id, release(title))).status).toBe(201);
        expect((await author.transition(id, 'submit', 1)).status).toBe(200);
        expect((await approver.transition(id, 'approve', 1)).status).toBe(200);
        expect((await author.transition(id, 'publish', 1)).status).toBe(200);
        const article = await author.call('GET', `/api/v1/articles/${id}`);
        return (article.body.deliveries as Array<{ destination: string; status: string }>).map((entry) => `${entry.destination}: ${entry.status}`);
      };

      expect(await publish('Vor dem Hinzufügen')).toEqual(['website: delivered']);
      const port = (silent.address() as { port: number }).port;
      expect(run(['add', 'cms', '--type', 'wordpress', '--url', `http://127.0.0.1:${port}`, '--user', 'portal'], 'cms-geheimnis-42\n').status).toBe(0);
      expect(await publish('Nach dem Hinzufügen')).toEqual(['website: delivered', 'cms: pending']);
      expect(run(['remove', 'cms']).status).toBe(0);
      expect(await publish('Nach dem Entfernen')).toEqual(['website: delivered']);
      // The secret is in no log line of the running portal.
      expect(portal.output()).not.toContain('cms-geheimnis-42');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
