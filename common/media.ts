import { z } from 'zod';

/** A file in the content-addressed media store: images, posters, caption files, downloads. */
export const mediaRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  name: z.string().max(255),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

/** Every media file a value (an article, a block) refers to, each once, in order of appearance. */
export function collectMediaRefs(value: unknown, into = new Map<string, MediaRef>()): MediaRef[] {
  if (Array.isArray(value)) {
    for (const item of value) collectMediaRefs(item, into);
  } else if (value && typeof value === 'object') {
    const parsed = mediaRefSchema.safeParse(value);
    if (parsed.success) {
      if (!into.has(parsed.data.sha256)) into.set(parsed.data.sha256, parsed.data);
    } else {
      for (const inner of Object.values(value)) collectMediaRefs(inner, into);
    }
  }
  return [...into.values()];
}

/** Where a renderer finds a media file: the app's preview and the portal answer differently. */
export interface MediaResolver {
  url(media: MediaRef): string;
  /** A remote media address to embed, or null where nothing remote may load (the offline app). */
  external(href: string): string | null;
  /**
   * The file name as uploaded, where the markup may carry it (the app reads its own markup back),
   * or undefined: public pages never show uploaders' file names ("Entwurf_v3_Müller.pdf").
   */
  name(media: MediaRef): string | undefined;
}

/** The app's resolver: media from its own store; nothing is fetched from elsewhere. */
export const mediaPathResolver: MediaResolver = { url: (media) => `media/${media.sha256}`, external: () => null, name: (media) => media.name };

/** The file's kind as its extension ("PDF"), from its name or else its type. */
export function fileExtension(media: Pick<MediaRef, 'mimeType' | 'name'>): string {
  return media.name.includes('.') ? media.name.split('.').pop()!.toUpperCase() : media.mimeType.split('/').pop()!.toUpperCase();
}

/** "1,2 MB", "640 Byte": a size as German readers expect it. */
export function formatFileSize(bytes: number): string {
  const units = ['Byte', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const amount = unit === 0 ? String(size) : size.toLocaleString('de-DE', { maximumFractionDigits: 1 });
  return `${amount} ${units[unit]}`;
}

/** "PDF, 1,2 MB": how a download is announced next to its link. */
export function describeFile(media: Pick<MediaRef, 'mimeType' | 'size' | 'name'>): string {
  return `${fileExtension(media)}, ${formatFileSize(media.size)}`;
}

const megabyte = 1024 * 1024;

/** How large a file of each kind may be; the portal's profile may set lower limits later. */
export function mediaSizeLimit(mimeType: string): number {
  if (mimeType.startsWith('image/')) return 20 * megabyte;
  if (mimeType.startsWith('video/')) return 200 * megabyte;
  if (mimeType === 'text/vtt') return 2 * megabyte;
  return 50 * megabyte;
}

/** "20 MB" */
export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / megabyte)} MB`;
}

/** The names people know file types by, for messages. */
export const fileTypeNames: Record<string, string> = {
  'image/jpeg': 'JPEG-Bild',
  'image/png': 'PNG-Bild',
  'image/webp': 'WebP-Bild',
  'image/gif': 'GIF-Bild',
  'video/mp4': 'MP4-Video',
  'video/webm': 'WebM-Video',
  'text/vtt': 'WebVTT-Untertitel',
  'application/pdf': 'PDF-Dokument',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-Dokument',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-Tabelle',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-Text',
  'application/zip': 'ZIP-Archiv',
};

export function fileTypeName(mimeType: string): string {
  return fileTypeNames[mimeType] ?? mimeType;
}
