import { z } from 'zod';
import { articleSchema } from './article.js';
import { slugify } from './german-folding.js';

/**
 * One press release as a file, to hand to someone outside the system: the article JSON and
 * every media file it uses (base64), in one JSON document.
 */
export const RELEASE_FILE_FORMAT = 'pressestelle/release-file';
export const RELEASE_FILE_VERSION = 1;
/** The extension of such a file. */
export const RELEASE_FILE_EXTENSION = '.pressemitteilung.json';
/** Upper bound of an imported file: the largest media file, base64-encoded, plus the article. */
export const RELEASE_FILE_LIMIT = 300 * 1024 * 1024;

/** Just enough to tell a release file (and its version) from anything else. */
export const releaseFileHeaderSchema = z.object({
  format: z.literal(RELEASE_FILE_FORMAT),
  formatVersion: z.number().int().positive(),
});

export const releaseFileMediaSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().min(1).max(100),
  name: z.string().max(255),
  data: z.base64(),
});

export const releaseFileSchema = releaseFileHeaderSchema.extend({
  formatVersion: z.literal(RELEASE_FILE_VERSION),
  exportedAt: z.iso.datetime(),
  article: articleSchema,
  media: z.array(releaseFileMediaSchema).max(500),
});

export type ReleaseFile = z.infer<typeof releaseFileSchema>;

/** A file name from a title: letters, digits and dashes, German umlauts transcribed. */
export function releaseFileName(title: string): string {
  return `${slugify(title, { fallback: 'pressemitteilung', keepCase: true })}${RELEASE_FILE_EXTENSION}`;
}
