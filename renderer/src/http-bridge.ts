import { createBridge, type Bridge } from '../../common/bridge.js';
import { resultSchema, type Result } from '../../common/result.js';
import { t } from './messages.js';

/**
 * The bridge of the browser entry: the same `window.pressestelle` object as Electron's
 * preload, carried over HTTP to the server that served this page (token in its cookie).
 */
export function createHttpBridge(): Bridge {
  return createBridge(
    async (method, input) => {
      try {
        const response = await fetch(`api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ input: encodeBinary(input) }),
        });
        const parsed = resultSchema.safeParse(await response.json());
        if (parsed.success) return parsed.data as Result<unknown>;
      } catch {
        // The server is gone or restarting; the caller keeps its data and retries.
      }
      return { ok: false, error: { code: 'unreachable', message: t('error.backendUnreachable') } };
    },
    (listener) => {
      const source = new EventSource('api/events');
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as Parameters<typeof listener>[0]);
      return () => source.close();
    },
  );
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
