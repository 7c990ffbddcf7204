import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';

const profileFile = fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url));

describe('the public website', () => {
  const temp = makeTempDirectory();
  let server: PortalServer;
  beforeAll(async () => {
    server = await startPortalServer({ dataDirectory: temp.path, profile: loadProfileConfig(profileFile) });
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('cannot be framed by another site, keeps its addresses out of other sites’ Referer and forbids type guessing', async () => {
    for (const path of ['/presse/', '/presse/feed.xml', '/presse/portal.css', '/presse/gibt-es-nicht', `/media/${'0'.repeat(64)}`]) {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      expect([path, response.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const page = await fetch(`${server.url}/presse/`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
