import { DeliveryError } from '../destinations.js';
import { portalMessage } from '../messages.js';

/** WordPress answers errors as { code, message }; the reason is quoted in the German message. */
interface WordPressErrorBody {
  code?: string;
  message?: string;
  data?: { status?: number; term_id?: number };
}

export class WordPressHttpError extends DeliveryError {
  constructor(
    readonly status: number,
    readonly body: WordPressErrorBody,
    message: string,
    permanent: boolean,
  ) {
    super(message, permanent);
  }
}

/** Only HTTPS, or plain HTTP to this machine (tests, a CMS behind a local proxy): the password travels with every request. */
export function assertSafeWordPressUrl(url: string): URL {
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) throw new Error(portalMessage('wordpressInsecure', { url }));
  return parsed;
}

/**
 * The core REST API with an application password (Basic auth). Routes go through
 * `?rest_route=`, which works with and without pretty permalinks.
 */
export class WordPressClient {
  private readonly base: URL;
  private readonly auth: string;

  constructor(
    url: string,
    user: string,
    password: string,
    private readonly timeoutMs = 20_000,
  ) {
    this.base = assertSafeWordPressUrl(url);
    this.auth = `Basic ${Buffer.from(`${user}:${password.replace(/\s+/g, '')}`).toString('base64')}`;
  }

  get<T>(route: string, query: Record<string, string> = {}): Promise<T> {
    return this.request<T>('GET', route, query);
  }

  post<T>(route: string, body: unknown): Promise<T> {
    return this.request<T>('POST', route, {}, JSON.stringify(body), { 'Content-Type': 'application/json' });
  }

  upload<T>(fileName: string, mimeType: string, data: Uint8Array): Promise<T> {
    return this.request<T>('POST', '/wp/v2/media', {}, data, { 'Content-Type': mimeType, 'Content-Disposition': `attachment; filename="${fileName}"` });
  }

  async request<T>(method: string, route: string, query: Record<string, string>, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<T> {
    const url = new URL(this.base.href.replace(/\/?$/, '/'));
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { Authorization: this.auth, Accept: 'application/json', ...headers },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new DeliveryError(portalMessage('wordpressUnreachable', { reason: cause }));
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new DeliveryError(portalMessage('wordpressNotJson', { status: response.status }), response.status < 500);
    }
    if (response.ok) return json as T;
    const error = (json && typeof json === 'object' ? json : {}) as WordPressErrorBody;
    const reason = `${error.message ?? response.statusText} (${error.code ?? response.status})`;
    if (response.status === 401) throw new WordPressHttpError(401, error, portalMessage('wordpressLogin', { reason }), true);
    if (response.status === 403) throw new WordPressHttpError(403, error, portalMessage('wordpressForbidden', { reason }), true);
    // 408, 429 and 5xx pass; other refusals will be refused again.
    const transient = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new WordPressHttpError(response.status, error, portalMessage('wordpressRefused', { status: response.status, reason }), !transient);
  }
}
