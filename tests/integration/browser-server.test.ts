import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, TOKEN_HEADER, type BrowserServer } from '../../main/browser-server.js';
import { createDispatcher, createHandlers } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { bluePng } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set to anything a hostile client would send. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('the browser entry refuses everyone but its own page', () => {
  const temp = makeTempDirectory();
  let services: AppServices;
  let server: BrowserServer;
  let host: string;
  let apiHeaders: Record<string, string>;

  beforeAll(async () => {
    services = await openAppServices(temp.path, { dailyBackups: false });
    server = await startBrowserServer({ services, dispatch: createDispatcher(createHandlers(services)) });
    host = `127.0.0.1:${server.port}`;
    apiHeaders = { Host: host, 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token };
  });
  afterAll(async () => {
    await server.close();
    services.dispose();
    temp.remove();
  });

  it('listens on 127.0.0.1 only', () => {
    const address = server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it('refuses a request for data without the token, in German', async () => {
    const media = await services.media.import('bild.png', new Uint8Array(bluePng), ['image/png']);
    for (const path of ['/api/events', `/api/events?token=${'x'.repeat(43)}`, `/media/${media.sha256}`]) {
      const reply = await send(server.port, { path, headers: { Host: host } });
      expect(reply.status, path).toBe(401);
      expect(JSON.parse(reply.body).error.message).toContain('Zugangsschlüssel');
    }
    const call = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
  });

  it('uses no cookie: a cookie would reach every port on 127.0.0.1, and the API ignores one', async () => {
    const entry = await send(server.port, { path: `/?token=${server.token}`, headers: { Host: host } });
    expect(entry.status).toBe(200);
    expect(entry.headers['set-cookie']).toBeUndefined();
    const withCookie = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: { Host: host, 'Content-Type': 'application/json', Cookie: `pressestelle_token=${server.token}` }, body: '{}' });
    expect(withCookie.status).toBe(401);
  });

  it('serves media to its own page (Fetch Metadata "same-origin"), never to another port ("same-site")', async () => {
    const media = await services.media.import('bild.png', new Uint8Array(bluePng), ['image/png']);
    const own = await send(server.port, { path: `/media/${media.sha256}`, headers: { Host: host, 'Sec-Fetch-Site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(own.headers['cross-origin-resource-policy']).toBe('same-origin');
    for (const site of ['same-site', 'cross-site', 'none']) {
      const foreign = await send(server.port, { path: `/media/${media.sha256}`, headers: { Host: host, 'Sec-Fetch-Site': site } });
      expect(foreign.status, site).toBe(401);
    }
  });

  it('refuses a wrong token, in the URL and in the header', async () => {
    expect((await send(server.port, { path: '/?token=falsch', headers: { Host: host } })).status).toBe(401);
    const wrong = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: { ...apiHeaders, [TOKEN_HEADER]: 'x'.repeat(43) }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/drafts.create',
      headers: { ...apiHeaders, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(services.drafts.list('active')).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/drafts.list',
      headers: { ...apiHeaders, Host: `evil.example:${server.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(421);
    expect(JSON.parse(reply.body).error.message).toContain('nicht zugelassen');
  });

  it('serves the app (no secret in it) with a strict CSP; the printed address with a wrong token is refused at once', async () => {
    const page = await send(server.port, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.token);
    expect(page.body).toContain('<html lang="de">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
  });

  it('answers contract calls with the envelope, from its own Origin', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/drafts.create',
      headers: { ...apiHeaders, Origin: `http://${host}` },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { version: 1 } });
  });

  it('refuses path traversal, oversized bodies and broken JSON without crashing', async () => {
    const traversal = await send(server.port, { path: '/..%2f..%2fpackage.json', headers: { Host: host, [TOKEN_HEADER]: server.token } });
    expect(traversal.status).toBe(404);
    const tooLarge = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: apiHeaders, body: 'x'.repeat(17 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
    const broken = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: apiHeaders, body: '{nicht json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toContain('kein gültiges JSON');
    const alive = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: apiHeaders, body: '{}' });
    expect(alive.status).toBe(200);
  });

  it('takes a Word file of up to 50 MB (base64) to drafts.importWord and refuses a larger body unread', async () => {
    // Over the limit of other calls, within that of a Word file: read, and refused as JSON only.
    const within = await send(server.port, { method: 'POST', path: '/api/drafts.importWord', headers: apiHeaders, body: 'x'.repeat(17 * 1024 * 1024) });
    expect(within.status).toBe(400);
    const over = await send(server.port, { method: 'POST', path: '/api/drafts.importWord', headers: apiHeaders, body: 'x'.repeat(69 * 1024 * 1024) });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body).error.message).toContain('68 MB');
  });

  it('refuses deeply nested input with a German message, never a 500: 400 where it cannot be read, the refusal envelope where the schema refuses it', async () => {
    const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    for (const [path, status, body] of [
      ['/api/media.import', 400, `{"input":{"name":"x.png","data":${deep(100_000)},"accept":["image/png"]}}`],
      ['/api/drafts.import', 400, `{"input":${deep(100_000)}}`],
      ['/api/drafts.save', 200, `{"input":{"id":"x","baseVersion":1,"article":${deep(100_000)}}}`],
      ['/api/drafts.create', 200, `{"input":{"article":{"format":"pressestelle/article","formatVersion":1,"meta":{"title":"","lead":""},"body":{"type":"doc","content":[{"type":"paragraph","attrs":${deep(50_000)}}]}}}}`],
    ] as const) {
      const reply = await send(server.port, { method: 'POST', path, headers: apiHeaders, body });
      expect([path, reply.status]).toEqual([path, status]);
      const { error } = JSON.parse(reply.body);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/verschachtelt|ungültig/);
    }
    const alive = await send(server.port, { method: 'POST', path: '/api/drafts.list', headers: apiHeaders, body: '{}' });
    expect(alive.status).toBe(200);
  });
});

describe('media over the browser entry', () => {
  const temp = makeTempDirectory();
  let services: AppServices;
  let server: BrowserServer;
  let host: string;

  beforeAll(async () => {
    services = await openAppServices(temp.path, { dailyBackups: false });
    server = await startBrowserServer({ services, dispatch: createDispatcher(createHandlers(services)) });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    services.dispose();
    temp.remove();
  });

  it('takes a file as base64 through the contract and serves it back, only with the token', async () => {
    const { encodeBinary } = await import('../../renderer/src/http-bridge.js');
    const body = JSON.stringify({ input: encodeBinary({ name: 'foto.png', data: new Uint8Array(bluePng), accept: ['image/png'] }) });
    const reply = await send(server.port, { method: 'POST', path: '/api/media.import', headers: { Host: host, 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, body });
    const result = JSON.parse(reply.body);
    expect(result).toMatchObject({ ok: true, value: { mimeType: 'image/png', size: bluePng.length } });

    const path = `/media/${result.value.sha256}`;
    expect((await send(server.port, { path, headers: { Host: host } })).status).toBe(401);
    const file = await send(server.port, { path, headers: { Host: host, [TOKEN_HEADER]: server.token } });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-security-policy']).toContain('sandbox');
  });
});
