import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDirectory } from '../temp-directory.js';
import { portalCli, requireBuiltPortal } from './portal-process.js';

describe('npm run portal -- destination', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  beforeEach(() => {
    requireBuiltPortal();
    temp = makeTempDirectory();
  });
  afterEach(() => temp.remove());

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

    // Nothing is live on this new portal yet: nothing to queue; an unknown name is refused.
    expect(run(['backfill', 'lokal']).stdout).toBe('backfill: 0 releases queued for lokal\n');
    expect(run(['backfill', 'unbekannt']).status).not.toBe(0);

    expect(run(['remove', 'lokal']).stdout).toBe('removed: lokal\n');
    expect(run(['remove', 'lokal']).status).toBe(1);
    expect(run(['list']).stdout).not.toContain('lokal');
  });
});
