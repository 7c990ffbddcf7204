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
          body: JSON.stringify({ input }),
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
