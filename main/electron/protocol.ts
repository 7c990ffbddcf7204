import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy, contentTypeOf, resolveRendererFile } from '../renderer-assets.js';

/** The renderer is served from app://pressestelle/, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pressestelle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function registerAppProtocol(protocol: Protocol): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(url.pathname) : null;
    if (file === null) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
