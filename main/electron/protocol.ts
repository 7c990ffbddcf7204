import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy, contentTypeOf, resolveRendererFile } from '../renderer-assets.js';

/** The renderer is served from app://pressestelle/, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pressestelle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Looks a media file up by hash; the protocol serves it under app://pressestelle/media/<sha256>. */
export type MediaLookup = (sha256: string) => { path: string; mimeType: string } | null;

export function registerAppProtocol(protocol: Protocol, mediaFile: MediaLookup): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const media = url.host === APP_HOST ? /^\/media\/([0-9a-f]{64})$/.exec(url.pathname) : null;
    if (media) {
      const found = mediaFile(media[1]!);
      if (!found) return new Response(null, { status: 404 });
      return new Response(await readFile(found.path), {
        headers: { 'Content-Type': found.mimeType, 'Content-Security-Policy': "default-src 'none'; sandbox", 'X-Content-Type-Options': 'nosniff' },
      });
    }
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
