import { z } from 'zod';
import { mediaPathResolver, mediaRefSchema, type MediaRef, type MediaResolver } from '../media.js';
import { escapeHtml, safeHref } from '../markup/html.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { defineBlock, stringAttr, type RenderContext } from './block-definition.js';
import { captionTypes, imageTypes, videoTypes } from './editor-fields.js';
import { atomBlockNode } from './node-attributes.js';
import { contentMessage } from '../messages/index.js';
import { wpLinkParagraph, wpParagraph, wpVideo, type WordPressContext } from './wordpress-markup.js';

const fieldsSchema = z.object({
  title: z.string().max(300),
  video: mediaRefSchema.nullable(),
  url: z.string().max(2048),
  poster: mediaRefSchema.nullable(),
  captions: mediaRefSchema.nullable(),
  transcript: z.string().max(50_000),
});
type Fields = z.infer<typeof fieldsSchema>;

function mediaData(prefix: string, media: MediaRef | null, resolver: MediaResolver): Record<string, string | undefined> {
  if (!media) return {};
  return {
    [`data-${prefix}-sha256`]: media.sha256,
    [`data-${prefix}-mime-type`]: media.mimeType,
    [`data-${prefix}-size`]: String(media.size),
    [`data-${prefix}-name`]: resolver.name(media),
  };
}

function mediaFrom(element: Element, prefix: string): MediaRef | null {
  const sha256 = element.getAttribute(`data-${prefix}-sha256`);
  if (!sha256) return null;
  return {
    sha256,
    mimeType: element.getAttribute(`data-${prefix}-mime-type`) ?? 'application/octet-stream',
    size: Number(element.getAttribute(`data-${prefix}-size`) ?? 0),
    name: element.getAttribute(`data-${prefix}-name`) ?? '',
  };
}

function render(fields: Fields, context: RenderContext): HtmlSpec {
  const href = safeHref(fields.url);
  const src = fields.video ? context.media.url(fields.video) : href ? context.media.external(href) : null;
  // A remote video the app may not load is shown as a link to it.
  const player: HtmlSpec =
    src === null && href
      ? ['p', { class: 'ce-video-external' }, ['a', { href }, contentMessage('portal.videoLink', { title: fields.title || href })]]
      : [
          'video',
          { controls: '', preload: 'none', src: src ?? undefined, poster: fields.poster ? context.media.url(fields.poster) : undefined, title: fields.title || undefined },
          ...(fields.captions ? [['track', { kind: 'captions', srclang: 'de', label: contentMessage('portal.captionsLanguage'), src: context.media.url(fields.captions), default: '' }] as const] : []),
        ];
  return [
    'figure',
    { class: 'ce-video', 'data-url': href ?? undefined, ...mediaData('video', fields.video, context.media), ...mediaData('poster', fields.poster, context.media), ...mediaData('captions', fields.captions, context.media) },
    player,
    ['figcaption', { class: 'ce-video-title' }, fields.title],
    ...(fields.transcript
      ? [['details', { class: 'ce-transcript' }, ['summary', contentMessage('portal.transcript')], ['p', { class: 'ce-transcript-text' }, fields.transcript]] as const]
      : []),
  ];
}

const VideoNode = atomBlockNode({
  name: 'video',
  defaults: { title: '', video: null, url: '', poster: null, captions: null, transcript: '' },
  selector: 'figure.ce-video',
  readAttributes: (element) => ({
    title: element.querySelector('.ce-video-title')?.textContent ?? '',
    video: mediaFrom(element, 'video'),
    url: safeHref(element.getAttribute('data-url') ?? '') ?? '',
    poster: mediaFrom(element, 'poster'),
    captions: mediaFrom(element, 'captions'),
    transcript: element.querySelector('.ce-transcript-text')?.textContent ?? '',
  }),
  render: (node) => render(videoBlock.toFields(node), { media: mediaPathResolver, editor: true }),
});

/**
 * core/video when the file is in the media library (poster, captions as a track, the title as
 * caption); a video elsewhere (an address, YouTube included) becomes a paragraph with a link to it,
 * as the portal shows it: no embed, so no third-party request and no oEmbed lookup. The transcript
 * follows as a paragraph.
 */
function wordpress(fields: Fields, context: WordPressContext): string {
  const file = fields.video ? context.attachment(fields.video) : null;
  const href = safeHref(fields.url);
  const captions = fields.captions ? context.attachment(fields.captions) : null;
  const player = file
    ? wpVideo({
        id: file.id,
        src: file.url,
        poster: fields.poster ? context.attachment(fields.poster)?.url : undefined,
        tracks: captions ? [{ src: captions.url, kind: 'captions', srclang: 'de', label: contentMessage('portal.captionsLanguage') }] : [],
        caption: fields.title,
      })
    : href
      ? wpLinkParagraph(href, contentMessage('portal.videoLink', { title: fields.title || href }))
      : '';
  const transcript = fields.transcript ? wpParagraph(`<strong>${escapeHtml(contentMessage('portal.transcript'))}:</strong> ${escapeHtml(fields.transcript)}`) : '';
  return [player, transcript].filter(Boolean).join('\n\n');
}

/** Video (`mask_thvideo`): a file or address with poster, WebVTT captions and a transcript. */
export const videoBlock = defineBlock<Fields>({
  name: 'video',
  elementType: 'mask_thvideo',
  label: 'block.video',
  description: 'block.video.description',
  keywords: ['video', 'film', 'clip', 'untertitel'],
  editing: 'panel',
  extensions: [VideoNode],
  fieldsSchema,
  editorFields: [
    { name: 'title', label: 'field.videoTitle', control: 'text' },
    { name: 'video', label: 'field.videoFile', control: 'media', accept: videoTypes },
    { name: 'url', label: 'field.videoUrl', control: 'url' },
    { name: 'poster', label: 'field.poster', control: 'media', accept: imageTypes },
    { name: 'captions', label: 'field.captions', control: 'media', accept: captionTypes, hint: 'field.captionsHint' },
    { name: 'transcript', label: 'field.transcript', control: 'textarea' },
  ],
  create: () => ({ type: 'video', attrs: { title: '', video: null, url: '', poster: null, captions: null, transcript: '' } }),
  toFields: (node) => {
    const media = (name: string) => {
      const value = node.attrs?.[name];
      // No file is the usual case; a failed parse would cost more than the whole block.
      if (value === null || value === undefined) return null;
      const parsed = mediaRefSchema.safeParse(value);
      return parsed.success ? parsed.data : null;
    };
    return {
      title: stringAttr(node, 'title'),
      video: media('video'),
      url: stringAttr(node, 'url'),
      poster: media('poster'),
      captions: media('captions'),
      transcript: stringAttr(node, 'transcript'),
    };
  },
  fromFields: (fields, id) => ({ type: 'video', attrs: { id, ...fields } }),
  render,
  wordpress,
  checks: [
    { id: 'a11y.videoCaptions', severity: 'error', wcag: '1.2.2', run: ({ captions }) => (captions ? null : {}) },
    { id: 'a11y.embedTitle', severity: 'error', wcag: '4.1.2', run: ({ url, title }) => (url && title.trim() === '' ? {} : null) },
  ],
});
