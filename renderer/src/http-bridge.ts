import { createBridge, type Bridge } from '../../common/bridge.js';
import { byteMethods } from '../../common/channels.js';
import { resultSchema, type Result } from '../../common/result.js';
import { t } from './messages.js';

const TOKEN_HEADER = 'x-pressestelle-token';
const TOKEN_KEY = 'pressestelle.token';

/**
 * The per-launch token from the printed address, kept in this tab's session storage (which
 * survives reloads and no other origin can read, not even another port on 127.0.0.1) and
 * taken out of the address bar and the history at once.
 */
export function takeAccessToken(location: Location = window.location, storage: Storage = window.sessionStorage): string {
  const params = new URLSearchParams(location.search);
  const offered = params.get('token');
  if (offered !== null) {
    storage.setItem(TOKEN_KEY, offered);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(window.history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

/**
 * The bridge of the browser entry: the same `window.pressestelle` object as Electron's
 * preload, carried over HTTP to the server that served this page, the token in a header.
 */
export function createHttpBridge(): Bridge {
  const token = takeAccessToken();
  const events = sharedEventSource(token);
  return createBridge(
    async (method, input) => {
      try {
        const response = await fetch(`api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          credentials: 'omit',
          body: JSON.stringify({ input: byteMethods.has(method) ? encodeBinary(input) : input }),
        });
        const parsed = resultSchema.safeParse(await response.json());
        if (parsed.success) return parsed.data as Result<unknown>;
      } catch {
        // The server is gone or restarting; the caller keeps its data and retries.
      }
      return { ok: false, error: { code: 'unreachable', message: t('error.backendUnreachable') } };
    },
    (listener) => events.subscribe(listener),
  );
}

type EventListener = Parameters<Parameters<typeof createBridge>[1]>[0];

/**
 * One EventSource for every subscriber: browsers allow only six connections per origin over
 * HTTP/1.1, and each open event stream holds one, so a stream per component would starve the
 * API calls (saves included). Opened with the first subscriber, closed with the last.
 */
function sharedEventSource(token: string): { subscribe(listener: EventListener): () => void } {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as Parameters<EventListener>[0];
          for (const each of [...listeners]) each(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

/** JSON cannot carry bytes: each Uint8Array travels as { $bytes: base64 }, decoded by the server. */
export function encodeBinary(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let offset = 0; offset < value.length; offset += 0x8000) {
      binary += String.fromCharCode(...value.subarray(offset, offset + 0x8000));
    }
    return { $bytes: btoa(binary) };
  }
  if (Array.isArray(value)) return value.map(encodeBinary);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeBinary(inner)]));
  return value;
}
