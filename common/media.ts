import { z } from 'zod';

/** A file in the content-addressed media store: images, posters, caption files, downloads. */
export const mediaRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  name: z.string().max(255),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

/** Where a renderer finds a media file: the app's preview and the portal answer differently. */
export interface MediaResolver {
  url(media: MediaRef): string;
  /** A remote media address to embed, or null where nothing remote may load (the offline app). */
  external(href: string): string | null;
}

/** The app's resolver: media from its own store; nothing is fetched from elsewhere. */
export const mediaPathResolver: MediaResolver = { url: (media) => `media/${media.sha256}`, external: () => null };

/** "PDF, 1,2 MB": how a download is announced next to its link. */
export function describeFile(media: Pick<MediaRef, 'mimeType' | 'size' | 'name'>): string {
  const extension = media.name.includes('.') ? media.name.split('.').pop()!.toUpperCase() : media.mimeType.split('/').pop()!.toUpperCase();
  const units = ['Byte', 'KB', 'MB', 'GB'];
  let size = media.size;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const amount = unit === 0 ? String(size) : size.toLocaleString('de-DE', { maximumFractionDigits: 1 });
  return `${extension}, ${amount} ${units[unit]}`;
}
