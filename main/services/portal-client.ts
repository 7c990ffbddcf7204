import { z } from 'zod';
import type { Article } from '../../common/article.js';
import {
  articleListSchema,
  commentSchema,
  mediaInfoSchema,
  type Comment,
  portalArticleSchema,
  portalErrorSchema,
  profileSchema,
  sessionSchema,
  type PortalArticle,
  type Profile,
  type Session,
  type TransitionRequest,
} from '../../common/portal-api.js';
import { Failure } from '../../common/result.js';
import { currentLocale } from '../../common/messages/index.js';

/** How long one request may take before it counts as lost (and is retried with the same key). */
const REQUEST_TIMEOUT_MS = 15_000;
/** Media files can be large (videos): more time, still bounded. */
const MEDIA_TIMEOUT_MS = 5 * 60_000;
/** Signing out does not wait long for a portal that does not answer: the token is forgotten locally anyway. */
const LOGOUT_TIMEOUT_MS = 5_000;

/** The portal answered with an error: its status, stable code and German message. */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The current article, with a 412. */
    readonly current?: PortalArticle,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

/** No answer: the portal is unreachable, or the answer did not arrive in time. */
export class PortalUnreachable extends Error {
  constructor(cause: unknown) {
    super('portal unreachable', { cause });
    this.name = 'PortalUnreachable';
  }
}

/**
 * Checks a portal address: HTTPS, except on the loopback interface (the reference portal in
 * tests and demonstrations). Returns the normalised base URL.
 */
export function portalBaseUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new Failure('invalid_input', 'portal.badAddress', { address: address.slice(0, 200) });
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Failure('invalid_input', 'portal.httpsRequired');
  return url.origin;
}

/** The Portal API, typed from `common/portal-api.ts`: every request with a timeout, every answer checked. */
export class PortalClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  withToken(token: string): PortalClient {
    return new PortalClient(this.baseUrl, token);
  }

  login(username: string, password: string): Promise<Session> {
    return this.request('POST', '/api/v1/session', sessionSchema, { body: { username, password } });
  }

  /** Ends the session on the portal ("Abmelden"): the token is refused from then on. */
  async logout(): Promise<void> {
    await this.request('DELETE', '/api/v1/session', z.null(), { timeoutMs: LOGOUT_TIMEOUT_MS });
  }

  profile(): Promise<Profile> {
    return this.request('GET', '/api/v1/profile', profileSchema);
  }

  listArticles(status?: string, limit = 500): Promise<z.infer<typeof articleListSchema>> {
    const query = new URLSearchParams({ limit: String(limit), ...(status ? { status } : {}) });
    return this.request('GET', `/api/v1/articles?${query.toString()}`, articleListSchema);
  }

  getArticle(id: string): Promise<PortalArticle> {
    return this.request('GET', `/api/v1/articles/${id}`, portalArticleSchema);
  }

  putArticle(id: string, article: Article, baseRevision: number | null, idempotencyKey: string): Promise<PortalArticle> {
    return this.request('PUT', `/api/v1/articles/${id}`, portalArticleSchema, {
      body: article,
      headers: { 'Idempotency-Key': idempotencyKey, ...(baseRevision !== null ? { 'If-Match': `"${baseRevision}"` } : {}) },
    });
  }

  /** Stores a file under its hash (idempotent on the portal's side). */
  putMedia(sha256: string, data: Uint8Array, mimeType: string, idempotencyKey: string): Promise<{ sha256: string; mimeType: string; size: number }> {
    return this.request('PUT', `/api/v1/media/${sha256}`, mediaInfoSchema, { raw: data, headers: { 'Content-Type': mimeType, 'Idempotency-Key': idempotencyKey } });
  }

  listComments(id: string): Promise<Comment[]> {
    return this.request('GET', `/api/v1/articles/${id}/comments`, commentSchema.array());
  }

  addComment(id: string, comment: { blockId: string; revision: number; text: string }, idempotencyKey: string): Promise<Comment> {
    return this.request('POST', `/api/v1/articles/${id}/comments`, commentSchema, { body: comment, headers: { 'Idempotency-Key': idempotencyKey } });
  }

  resolveComment(id: string, commentId: string, idempotencyKey: string): Promise<Comment> {
    return this.request('POST', `/api/v1/articles/${id}/comments/${commentId}/resolve`, commentSchema, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /**
   * A media file's bytes, at most `maxBytes` (read no further). The caller checks them against
   * the hash it asked for: a file is trusted by its content, never by the answer.
   */
  async getMedia(sha256: string, maxBytes: number): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/v1/media/${sha256}`, {
        headers: this.token ? { Authorization: `Bearer ${this.token}` } : {},
        signal: AbortSignal.timeout(MEDIA_TIMEOUT_MS),
      });
    } catch (error) {
      throw new PortalUnreachable(error);
    }
    if (!response.ok) {
      const json: unknown = await response.json().catch(() => null);
      const parsed = portalErrorSchema.safeParse(json);
      throw new PortalError(response.status, parsed.success ? parsed.data.error.code : 'bad_response', parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      throw new PortalError(response.status, 'too_large', 'file too large');
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    try {
      for (;;) {
        const next = await reader?.read();
        if (!next || next.done) break;
        size += next.value.byteLength;
        if (size > maxBytes) {
          await reader?.cancel();
          throw new PortalError(response.status, 'too_large', 'file too large');
        }
        chunks.push(next.value);
      }
    } catch (error) {
      if (error instanceof PortalError) throw error;
      throw new PortalUnreachable(error);
    }
    return Buffer.concat(chunks);
  }

  /** "Erneut versuchen": the portal delivers a failed delivery to that destination again (approvers). */
  retryDelivery(id: string, destination: string, idempotencyKey: string): Promise<PortalArticle> {
    return this.request('POST', `/api/v1/articles/${id}/deliveries/${encodeURIComponent(destination)}/retry`, portalArticleSchema, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  transition(id: string, request: TransitionRequest, idempotencyKey: string): Promise<PortalArticle> {
    return this.request('POST', `/api/v1/articles/${id}/transitions`, portalArticleSchema, { body: request, headers: { 'Idempotency-Key': idempotencyKey } });
  }

  private async request<T>(method: string, path: string, schema: z.ZodType<T>, options: { body?: unknown; raw?: Uint8Array; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          // The portal answers refusals in the language of the interface.
          'Accept-Language': currentLocale(),
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          ...options.headers,
        },
        body: options.raw ? new Blob([new Uint8Array(options.raw)]) : options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new PortalUnreachable(error);
    }
    let json: unknown = null;
    try {
      // 204 No Content: no body to read.
      if (response.status !== 204) json = JSON.parse(text);
    } catch {
      throw new PortalError(response.status, 'bad_response', `HTTP ${response.status}`);
    }
    if (!response.ok) {
      const parsed = portalErrorSchema.safeParse(json);
      const current = portalArticleSchema.safeParse((json as { current?: unknown }).current);
      if (parsed.success) throw new PortalError(response.status, parsed.data.error.code, parsed.data.error.message, current.success ? current.data : undefined);
      throw new PortalError(response.status, 'bad_response', `HTTP ${response.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PortalError(response.status, 'bad_response', 'unexpected answer');
    return parsed.data;
  }
}
