import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { byteMethods, isMethodName } from '../common/channels.js';
import { readBody } from '../common/read-body.js';
import { formatMessage, type MessageKey, type MessageParams } from '../common/messages/index.js';
import { failure, type Result } from '../common/result.js';
import type { Dispatch } from './contract-dispatcher.js';
import { contentSecurityPolicy, contentTypeOf, rendererDirectory, resolveRendererFile } from './renderer-assets.js';
import type { AppServices } from './services/app-services.js';

export const TOKEN_HEADER = 'x-pressestelle-token';
/** Only the event stream takes the token in its address: EventSource cannot send headers. */
export const TOKEN_QUERY = 'token';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Media travels base64-encoded: a 200 MB video is about 267 MB of JSON. */
const MAX_MEDIA_BODY_BYTES = 300 * 1024 * 1024;
/** A release file of up to 300 MB, base64-encoded in the request. */
const MAX_IMPORT_BODY_BYTES = 410 * 1024 * 1024;
/** A Word file of up to 50 MB (WORD_IMPORT_LIMIT), base64-encoded in the request; a larger one is refused unread. */
const MAX_WORD_BODY_BYTES = 68 * 1024 * 1024;
const MEDIA_PATH = /^\/media\/([0-9a-f]{64})$/;
const LOOPBACK = '127.0.0.1';

export interface BrowserServerOptions {
  services: AppServices;
  dispatch: Dispatch;
  port?: number;
  rendererRoot?: string;
  /** Fixed only in tests; a fresh random token per launch otherwise. */
  token?: string;
}

export interface BrowserServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the contract over HTTP on 127.0.0.1 only. Every request must
 * carry a Host and Origin of this very server. The per-launch token comes in the printed URL;
 * the page keeps it in its own storage (which no other origin, not even another port, can
 * read) and sends it in a header. There is no cookie: cookies ignore ports, so one would reach
 * every server on 127.0.0.1 that the browser visits. The app's code is no secret and is served
 * to anyone on this host; its data (the contract, events, media) only with the token, media
 * also to this origin's own image and video elements (Fetch Metadata), which cannot send headers.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererRoot = options.rendererRoot ?? rendererDirectory;
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendError(response, 500, 'error.internal');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    if (!isAllowedHost(request.headers.host, port)) return sendError(response, 421, 'error.badHost');
    if (!isAllowedOrigin(request.headers.origin, port)) return sendError(response, 403, 'error.forbidden');
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}:${port}`);

    const offered = url.searchParams.get(TOKEN_QUERY);
    const presented = request.headers[TOKEN_HEADER];
    const headerToken = typeof presented === 'string' ? presented : null;

    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!sameSecret(headerToken ?? offered, token)) return sendError(response, 401, 'error.unauthorized');
      return openEventStream(response);
    }
    if (url.pathname.startsWith('/api/')) {
      if (!sameSecret(headerToken, token)) return sendError(response, 401, 'error.unauthorized');
      if (request.method !== 'POST') return sendError(response, 405, 'error.forbidden');
      return callMethod(request, response, url.pathname.slice('/api/'.length));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, 'error.forbidden');
    const media = MEDIA_PATH.exec(url.pathname);
    if (media) {
      if (!sameSecret(headerToken, token) && !fromOwnPage(request)) return sendError(response, 401, 'error.unauthorized');
      return serveMedia(media[1]!, response);
    }
    // The printed address: a wrong token is said at once rather than by the first call.
    if (offered !== null && !sameSecret(offered, token)) return sendError(response, 401, 'error.unauthorized');
    return serveFile(url.pathname, response);
  }

  async function callMethod(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('application/json')) return sendError(response, 415, 'error.badJson');
    const limit = bodyLimit(method);
    const declared = Number(request.headers['content-length'] ?? 0);
    const body = await readBody(request, limit, Number.isFinite(declared) ? declared : 0);
    if (body === null) {
      // Stop reading the rest; answer and close this connection.
      response.setHeader('Connection', 'close');
      sendError(response, 413, 'error.tooLarge', { limit: `${Math.round(limit / 1024 / 1024)} MB` });
      request.unpipe();
      request.resume();
      return;
    }
    const { status, result } = await callWithBody(options.dispatch, method, body);
    sendJson(response, status, result);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    response.write(': verbunden\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  const forward = options.services.events.on((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    const file = resolveRendererFile(pathname, rendererRoot);
    if (file === null) return sendError(response, 404, 'error.pageNotFound');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendError(response, 404, 'error.pageNotFound');
    }
    const type = contentTypeOf(file);
    response.setHeader('Content-Type', type);
    response.setHeader('Cache-Control', type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600');
    response.writeHead(200).end(content);
  }

  /** A file from the media store, as stored; sandboxed so even a hostile file cannot run script. */
  function serveMedia(sha256: string, response: ServerResponse): void {
    const file = options.services.media.file(sha256);
    if (!file) return sendError(response, 404, 'error.pageNotFound');
    response.writeHead(200, {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    createReadStream(file.path).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${LOOPBACK}:${port}/?token=${token}`;

  return {
    url,
    port,
    token,
    server,
    async close() {
      forward.dispose();
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

/** Only the names this server is reached by; anything else may be DNS rebinding. */
function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site requests; a foreign one is refused. */
function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;
}

/**
 * A request of this origin's own page (Fetch Metadata, which browsers send to loopback and
 * which pages cannot forge): another port on 127.0.0.1 is "same-site", never "same-origin".
 */
function fromOwnPage(request: IncomingMessage): boolean {
  return request.headers['sec-fetch-site'] === 'same-origin';
}

function sameSecret(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, key: MessageKey, params: MessageParams = {}): void {
  const code = status === 401 ? 'unauthorized' : status === 413 ? 'too_large' : status === 404 ? 'not_found' : status === 500 ? 'internal' : 'forbidden';
  sendJson(response, status, { ok: false, error: { code, message: formatMessage(key, params) } });
}

function bodyLimit(method: string): number {
  if (method === 'media.import') return MAX_MEDIA_BODY_BYTES;
  if (method === 'drafts.import') return MAX_IMPORT_BODY_BYTES;
  if (method === 'drafts.importWord') return MAX_WORD_BODY_BYTES;
  return MAX_BODY_BYTES;
}

/** One API call from its request body `{ input }`; bytes come as { $bytes: base64 } for the methods that carry them. */
export async function callWithBody(dispatch: Dispatch, method: string, body: Uint8Array): Promise<{ status: 200 | 400; result: Result<unknown> }> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return { status: 400, result: failure('invalid_input', 'error.badJson') };
  }
  let input = envelope !== null && typeof envelope === 'object' ? (envelope as { input?: unknown }).input : undefined;
  if (isMethodName(method) && byteMethods.has(method)) {
    const decoded = decodeBinary(input);
    if (decoded === tooDeep) return { status: 400, result: failure('invalid_input', 'error.tooDeeplyNested') };
    input = decoded;
  }
  // A request that could be read gets the envelope: a refusal of its input is `ok: false` with
  // a German message, like every other refusal the app shows (HTTP 400 is for unreadable requests).
  return { status: 200, result: await dispatch(method, input) };
}

/** No input of the contract nests deeper than this; a deeper one is refused, never walked. */
const MAX_INPUT_DEPTH = 32;
const tooDeep = Symbol('too deep');

/** The inverse of the renderer's encodeBinary: { $bytes: base64 } becomes bytes again. */
export function decodeBinary(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_INPUT_DEPTH) return tooDeep;
  const decodeAll = (values: unknown[]) => {
    const decoded = values.map((inner) => decodeBinary(inner, depth + 1));
    return decoded.includes(tooDeep) ? tooDeep : decoded;
  };
  if (Array.isArray(value)) return decodeAll(value);
  const bytes = (value as { $bytes?: unknown }).$bytes;
  if (typeof bytes === 'string' && Object.keys(value).length === 1) return new Uint8Array(Buffer.from(bytes, 'base64'));
  const entries = Object.entries(value);
  const decoded = decodeAll(entries.map(([, inner]) => inner));
  return decoded === tooDeep ? tooDeep : Object.fromEntries(entries.map(([key], index) => [key, (decoded as unknown[])[index]]));
}
