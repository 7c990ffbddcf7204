import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildOpenApi } from '../../portal/openapi.js';
import { openApiYaml } from '../../portal/openapi-yaml.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';

const committed = fileURLToPath(new URL('../../docs/portal-api.yaml', import.meta.url));

describe('docs/portal-api.yaml', () => {
  it('is exactly what the zod schemas in common/ generate (run `npm run portal:openapi` after changing them)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(openApiYaml());
    const document = parse(readFileSync(committed, 'utf8')) as { openapi: string; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Article', 'ArticleContent', 'Profile', 'TransitionRequest', 'HistoryEntry', 'Error']));
  });

  describe('every documented operation is served by the reference portal', () => {
    const temp = makeTempDirectory();
    let server: PortalServer;
    let token: string;
    const signIn = async () => {
      const session = await fetch(`${server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'redaktion', password: 'redaktion-passwort' }) });
      return ((await session.json()) as { token: string }).token;
    };
    beforeAll(async () => {
      server = await startPortalServer({ dataDirectory: temp.path, profile: loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url))) });
      server.portal.addUser('redaktion', 'author', 'redaktion-passwort', ['tfm']);
      token = await signIn();
    });
    afterAll(async () => {
      await server.close();
      temp.remove();
    });

    const paths = buildOpenApi().paths as Record<string, Record<string, unknown>>;
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => ['get', 'put', 'post', 'delete'].includes(key))
        .map((method) => [method.toUpperCase(), path] as const),
    );

    it.each(operations)('%s %s', async (method, path) => {
      const concrete = path.replace('{id}', randomUUID()).replace('{commentId}', randomUUID()).replace('{sha256}', '0'.repeat(64)).replace('{destination}', 'wordpress');
      const response = await fetch(`${server.url}${concrete}`, {
        method,
        // Signing out ends a session of its own, not the one the other operations use.
        headers: { Authorization: `Bearer ${method === 'DELETE' ? await signIn() : token}`, 'Idempotency-Key': randomUUID() },
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      const text = await response.text();
      const body = (text ? JSON.parse(text) : {}) as { error?: { message: string } };
      // Anything but "no such route": a refusal of the made-up input is fine.
      expect(body.error?.message ?? '').not.toBe('Nicht gefunden.');
    });
  });
});
