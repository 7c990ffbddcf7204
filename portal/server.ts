import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { articleContentSchema } from '../common/article.js';
import {
  articleStatuses,
  commentRequestSchema,
  sessionRequestSchema,
  transitionRequestSchema,
  type PortalErrorCode,
} from '../common/portal-api.js';
import { readBody } from '../common/read-body.js';
import { inRequestLanguage, portalMessage } from './messages.js';
import { Portal, PortalFailure, sha256, type PortalOptions, type User } from './portal.js';
import { handleWebsite } from './website.js';

// Validation messages reach people: German.
z.config(z.locales.de());

const MAX_JSON_BYTES = 16 * 1024 * 1024;
const SCHEDULER_INTERVAL_MS = 1_000;
const DELIVERY_INTERVAL_MS = 1_000;

export interface PortalServer {
  readonly url: string;
  readonly port: number;
  readonly portal: Portal;
  close(): Promise<void>;
}

export interface StartPortalOptions extends Omit<PortalOptions, 'baseUrl'> {
  port?: number;
  /** The website's public address; defaults to the server's own. */
  publicUrl?: string;
  /** How often the publish queue's worker looks for due jobs (default every second). */
  deliveryIntervalMs?: number;
}

/** Starts the reference portal on 127.0.0.1: the Portal API, the website, the scheduler. */
export async function startPortalServer(options: StartPortalOptions): Promise<PortalServer> {
  // The portal needs the server's address (for its public URLs), so it is made after listening.
  const ready: { portal?: Portal } = {};
  const server = createServer((request, response) => {
    void handle(ready.portal!, request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendError(response, 500, 'internal', portalMessage('internal'));
      else response.destroy();
    });
  });
  server.requestTimeout = 120_000;
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const portal = new Portal({ ...options, baseUrl: options.publicUrl ?? url });
  ready.portal = portal;
  // A time that passed while the server was down publishes right away (never before the embargo).
  portal.runScheduler();
  let ticks = 0;
  const scheduler = setInterval(() => {
    try {
      portal.runScheduler();
      // Once a minute: stored answers of writes past their day go.
      if (ticks++ % 60 === 0) portal.expireIdempotency();
    } catch (error) {
      console.error('Scheduler failed:', error);
    }
  }, SCHEDULER_INTERVAL_MS);
  scheduler.unref();
  // The publish queue's worker: jobs live in the database, so a restart picks up where it stopped.
  const deliver = () =>
    portal.deliveries.runDue().catch((error: unknown) => {
      console.error('Delivery failed:', error instanceof Error ? error.message : error);
    });
  void deliver();
  const worker = setInterval(() => void deliver(), options.deliveryIntervalMs ?? DELIVERY_INTERVAL_MS);
  worker.unref();
  return {
    url,
    port,
    portal,
    close: async () => {
      clearInterval(scheduler);
      clearInterval(worker);
      await portal.deliveries.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      portal.close();
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const articlePath = /^\/api\/v1\/articles\/([0-9a-f-]{36})(\/transitions|\/history|\/comments(?:\/([0-9a-f-]{36})\/resolve)?|\/deliveries\/([a-z0-9-]{1,64})\/retry)?$/;
const mediaPath = /^\/api\/v1\/media\/([0-9a-f]{64})$/;
const uuid = z.uuid();

async function handle(portal: Portal, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://portal.invalid');
  const path = url.pathname;
  const method = request.method ?? 'GET';
  response.setHeader('X-Content-Type-Options', 'nosniff');

  if (!path.startsWith('/api/')) {
    if (await handleWebsite(portal, method, url, response)) return;
    return sendError(response, 404, 'not_found', portalMessage('notFound'));
  }
  response.setHeader('Cache-Control', 'no-store');
  // The API answers in the language its client asked for; the public website stays German.
  return inRequestLanguage(request.headers['accept-language'], () => handleApi(portal, request, response, url));
}

async function handleApi(portal: Portal, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const method = request.method ?? 'GET';
  try {
    if (path === '/api/v1/session' && method === 'POST') {
      const body = parse(sessionRequestSchema, await readJson(request));
      return sendJson(response, 201, portal.login(body.username, body.password, request.socket.remoteAddress ?? 'unknown'));
    }

    const user = authenticate(portal, request);

    if (path === '/api/v1/session' && method === 'DELETE') {
      portal.logout(bearerToken(request));
      response.writeHead(204).end();
      return;
    }

    if (path === '/api/v1/profile' && method === 'GET') return sendJson(response, 200, portal.profile());

    if (path === '/api/v1/articles' && method === 'GET') {
      const status = url.searchParams.get('status');
      const parsedStatus = status === null ? undefined : parse(z.enum(articleStatuses), status);
      const limit = parse(z.coerce.number().int().min(1).max(500), url.searchParams.get('limit') ?? '100');
      const offset = parse(z.coerce.number().int().min(0), url.searchParams.get('offset') ?? '0');
      return sendJson(response, 200, portal.listArticles(user, parsedStatus, limit, offset));
    }

    const media = mediaPath.exec(path);
    if (media) {
      const hash = media[1]!;
      if (method === 'GET') {
        const file = portal.mediaFile(hash);
        if (!file) return sendError(response, 404, 'not_found', portalMessage('mediaNotFound'));
        response.writeHead(200, { 'Content-Type': file.mimeType, 'Content-Length': file.size });
        createReadStream(file.path).pipe(response);
        return;
      }
      if (method === 'PUT') {
        const limits = portal.profile().limits;
        const data = await readLimited(request, Math.max(limits.image, limits.video, limits.document, limits.captions));
        // Media are idempotent by their hash; the key is still required like for every write.
        requireIdempotencyKey(request);
        const result = await portal.putMedia(user, hash, data);
        const { created, ...info } = result;
        return sendJson(response, created ? 201 : 200, info);
      }
    }

    const article = articlePath.exec(path);
    if (article) {
      const id = parse(uuid, article[1]!);
      const sub = article[2];
      const commentId = article[3];
      const destination = article[4];
      if (!sub && method === 'GET') return sendArticle(response, 200, portal.getArticle(user, id));
      if (sub === '/history' && method === 'GET') return sendJson(response, 200, portal.history(user, id));
      if (sub === '/comments' && method === 'GET') return sendJson(response, 200, portal.listComments(user, id));

      const raw = await readRaw(request, MAX_JSON_BYTES);
      const write = (): { status: number; body: unknown } => {
        const json = () => parseJson(raw);
        if (!sub && method === 'PUT') {
          const result = portal.putArticle(user, id, parse(articleContentSchema, json()), ifMatch(request));
          return { status: result.created ? 201 : 200, body: result.article };
        }
        if (sub === '/transitions' && method === 'POST') return { status: 200, body: portal.transition(user, id, parse(transitionRequestSchema, json())) };
        if (sub === '/comments' && method === 'POST') {
          const body = parse(commentRequestSchema, json());
          return { status: 201, body: portal.addComment(user, id, body.blockId, body.revision, body.text) };
        }
        if (commentId && sub?.endsWith('/resolve') && method === 'POST') return { status: 200, body: portal.resolveComment(user, id, commentId) };
        if (destination && method === 'POST') return { status: 200, body: portal.retryDelivery(user, id, destination) };
        throw new PortalFailure(404, 'not_found', portalMessage('notFound'));
      };
      const result = idempotent(portal, user, request, raw, write);
      return result.status === 200 || result.status === 201 ? sendArticleOrJson(response, result.status, result.body) : sendJson(response, result.status, result.body);
    }

    return sendError(response, 404, 'not_found', portalMessage('notFound'));
  } catch (error) {
    if (error instanceof PortalFailure) {
      if (error.body !== undefined) return sendJson(response, error.status, { ...errorBody(error), current: error.body });
      return sendJson(response, error.status, errorBody(error));
    }
    throw error;
  }
}

/**
 * Runs a write once per Idempotency-Key: the effect and the stored answer commit together,
 * so a retry after a lost response gets the first answer and never a second article or revision.
 * Refusals (4xx) are answers too; a key reused for another request is refused.
 */
function idempotent(portal: Portal, user: User, request: IncomingMessage, raw: Buffer, write: () => { status: number; body: unknown }): { status: number; body: unknown } {
  const key = requireIdempotencyKey(request);
  const requestHash = sha256(`${request.method} ${request.url}\n${request.headers['if-match'] ?? ''}\n${raw.toString('base64')}`);
  const db = portal.db;
  const lookup = db.prepare<[string, string], { request_hash: string; status: number; body: string }>('SELECT request_hash, status, body FROM idempotency WHERE user_name = ? AND key = ?');
  const store = db.prepare('INSERT INTO idempotency (user_name, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const answer = (status: number, body: unknown) => {
    store.run(user.name, key, requestHash, status, JSON.stringify(body), portal.stampNow());
    return { status, body };
  };
  const run = db.transaction(() => {
    const earlier = lookup.get(user.name, key);
    if (earlier) {
      if (earlier.request_hash !== requestHash) throw new PortalFailure(422, 'conflict', portalMessage('idempotencyReused'));
      return { status: earlier.status, body: JSON.parse(earlier.body) as unknown };
    }
    try {
      return answer(...(Object.values(db.transaction(write)()) as [number, unknown]));
    } catch (error) {
      if (!(error instanceof PortalFailure) || error.status === 401 || error.status === 429) throw error;
      const body = error.body !== undefined ? { ...errorBody(error), current: error.body } : errorBody(error);
      return answer(error.status, body);
    }
  });
  // IMMEDIATE: two racing writes (two approvals of one revision) are serialised, not interleaved.
  return run.immediate();
}

function requireIdempotencyKey(request: IncomingMessage): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\w.:-]{8,200}$/.test(key)) throw new PortalFailure(428, 'precondition_required', portalMessage('idempotencyRequired'));
  return key;
}

function bearerToken(request: IncomingMessage): string {
  const header = request.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

function authenticate(portal: Portal, request: IncomingMessage): User {
  const token = bearerToken(request);
  const user = token ? portal.userForToken(token) : null;
  if (!user) throw new PortalFailure(401, 'unauthorized', portalMessage('unauthorized'));
  return user;
}

function ifMatch(request: IncomingMessage): number | null {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new PortalFailure(400, 'bad_request', portalMessage('invalidRequest', { details: 'If-Match' }));
  return Number(match[1]);
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  throw new PortalFailure(400, 'bad_request', portalMessage('invalidRequest', { details: details.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message)).join('; ') }), details);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  return parseJson(await readRaw(request, MAX_JSON_BYTES));
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new PortalFailure(400, 'bad_request', portalMessage('badJson'));
  }
}

function readRaw(request: IncomingMessage, limit: number): Promise<Buffer> {
  return readLimited(request, limit).then((data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

/** Reads a body up to `limit` bytes; a larger one is refused with 413. */
async function readLimited(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? 0);
  const body = await readBody(request, limit, Number.isFinite(declared) ? declared : 0);
  if (body !== null) return body;
  // Declared too large: drop the rest unread, and answer now.
  request.resume();
  throw new PortalFailure(413, 'too_large', portalMessage('tooLarge', { limit: `${Math.round(limit / 1024 / 1024)} MB` }));
}

function errorBody(error: PortalFailure) {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

function sendArticle(response: ServerResponse, status: number, article: { revision: number }): void {
  response.setHeader('ETag', `"${article.revision}"`);
  sendJson(response, status, article);
}

function sendArticleOrJson(response: ServerResponse, status: number, body: unknown): void {
  if (body && typeof body === 'object' && 'revision' in body && 'article' in body) return sendArticle(response, status, body as { revision: number });
  sendJson(response, status, body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  response.end(json);
}

function sendError(response: ServerResponse, status: number, code: PortalErrorCode, message: string): void {
  sendJson(response, status, { error: { code, message } });
}
