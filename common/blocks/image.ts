import { z } from 'zod';
import { mediaRefSchema, type MediaResolver } from '../media.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { contentMessage } from '../messages/index.js';

/** One image as blocks carry it: the file plus the text that makes it accessible and credited. */
export const imageSchema = z.object({
  media: mediaRefSchema.nullable(),
  alt: z.string().max(1000),
  decorative: z.boolean(),
  caption: z.string().max(1000),
  credit: z.string().max(300),
});
export type Image = z.infer<typeof imageSchema>;

export function emptyImage(): Image {
  return { media: null, alt: '', decorative: false, caption: '', credit: '' };
}

/** Built once: zod builds a schema at every call of partial(), which cost more than the parse. */
const partialImageSchema = imageSchema.partial();

/** Reads an image attribute leniently: whatever is missing or malformed becomes empty. */
export function imageFrom(value: unknown): Image {
  const parsed = partialImageSchema.safeParse(value);
  return { ...emptyImage(), ...(parsed.success ? parsed.data : {}) };
}

/** The <img>; a missing file shows as a labelled placeholder, never as a broken image. */
export function imageSpec(image: Image, resolver: MediaResolver, extra: Record<string, string | undefined> = {}): HtmlSpec {
  if (!image.media) return ['span', { class: 'ce-image-missing', ...extra }, contentMessage('portal.imageMissing')];
  return [
    'img',
    {
      src: resolver.url(image.media),
      alt: image.decorative ? '' : image.alt,
      loading: 'lazy',
      'data-sha256': image.media.sha256,
      'data-mime-type': image.media.mimeType,
      'data-size': String(image.media.size),
      'data-name': resolver.name(image.media),
      'data-decorative': image.decorative ? '' : undefined,
      ...extra,
    },
  ];
}

/** Caption and "Foto: …" credit, or nothing when both are empty. */
export function figcaptionSpec(image: Pick<Image, 'caption' | 'credit'>, before: HtmlSpec[] = []): HtmlSpec[] {
  const parts: HtmlSpec[] = [...before];
  if (image.caption) parts.push(['span', { class: 'ce-caption' }, image.caption]);
  if (image.credit) parts.push(creditSpec(image.credit));
  return parts.length > 0 ? [['figcaption', ...parts]] : [];
}

/** Reads an image back from portal markup (an <img> with data attributes and its figcaption). */
export function imageFromElement(figure: Element | null): Image {
  if (!figure) return emptyImage();
  const img = figure.matches('img') ? figure : figure.querySelector('img');
  const sha256 = img?.getAttribute('data-sha256');
  const credit = figure.querySelector('.ce-credit')?.textContent ?? '';
  return {
    media: sha256
      ? {
          sha256,
          mimeType: img?.getAttribute('data-mime-type') ?? 'application/octet-stream',
          size: Number(img?.getAttribute('data-size') ?? 0),
          name: img?.getAttribute('data-name') ?? '',
        }
      : null,
    alt: img?.getAttribute('alt') ?? '',
    decorative: img?.hasAttribute('data-decorative') ?? false,
    caption: figure.querySelector('.ce-caption')?.textContent ?? '',
    credit: creditFromText(credit),
  };
}

/** "Foto: …" as the portal shows a credit. */
export function creditSpec(credit: string): HtmlSpec {
  return ['span', { class: 'ce-credit' }, contentMessage('portal.credit', { credit })];
}

/** The credit without its "Foto: " prefix. */
export function creditFromText(text: string): string {
  const prefix = contentMessage('portal.credit', { credit: '' });
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
