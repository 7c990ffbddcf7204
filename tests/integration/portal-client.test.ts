import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PortalClient, PortalError, PortalUnreachable } from '../../main/services/portal-client.js';

const sha = 'a'.repeat(64);

/** A hostile or broken "portal" on loopback that answers media requests as told. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe('fetching a media file from the portal', () => {
  let server: Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  });

  it('refuses a file announced larger than allowed, without reading it', async () => {
    const started = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(5_000_000) });
      response.write(Buffer.alloc(1024));
      // Never finishes: the client must not wait for the rest.
    });
    server = started.server;
    await expect(new PortalClient(started.url, 'token').getMedia(sha, 1_000_000)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('stops reading a file sent without a length once it passes the limit', async () => {
    const started = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      const chunk = Buffer.alloc(64 * 1024);
      let sent = 0;
      const timer = setInterval(() => {
        response.write(chunk);
        sent += chunk.length;
        if (sent > 4_000_000) {
          clearInterval(timer);
          response.end();
        }
      }, 1);
      response.on('close', () => clearInterval(timer));
    });
    server = started.server;
    const failure = await new PortalClient(started.url, 'token').getMedia(sha, 256 * 1024).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortalError);
    expect(failure).toMatchObject({ code: 'too_large' });
  });

  it('passes the portal\'s refusal on in its words, and says when nobody answers', async () => {
    const started = await serve((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'not_found', message: 'Diese Datei gibt es im Portal nicht.' } }));
    });
    server = started.server;
    await expect(new PortalClient(started.url, 'token').getMedia(sha, 1_000)).rejects.toMatchObject({ status: 404, message: 'Diese Datei gibt es im Portal nicht.' });
    await expect(new PortalClient('http://127.0.0.1:9', 'token').getMedia(sha, 1_000)).rejects.toBeInstanceOf(PortalUnreachable);
  });
});
