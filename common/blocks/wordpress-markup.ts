import { escapeHtml } from '../markup/html.js';
import { fragmentToHtml, type HtmlSpec } from '../markup/html-spec.js';
import { inlineSpecs, type Inline, type RichText } from '../markup/rich-text.js';
import type { MediaRef, MediaResolver } from '../media.js';
import type { Image } from './image.js';

/**
 * What a block's WordPress mapping needs: where each file landed in the media library, and the
 * resolver for the fallback markup. The markup is what WordPress 6.1's core blocks save(), so the
 * block editor opens the post without "unexpected or invalid content".
 */
export interface WordPressContext {
  /** The attachment a file became (uploaded before the post), or null when it is missing. */
  attachment(media: MediaRef): { id: number; url: string } | null;
  /** Media addresses in the WordPress library, for markup that is not a core block. */
  media: MediaResolver;
}

/** `<!-- wp:name {attrs} -->inner<!-- /wp:name -->` */
export function wpBlock(name: string, attrs: Record<string, unknown>, inner: string): string {
  const json = Object.keys(attrs).length > 0 ? ` ${JSON.stringify(attrs).replace(/--/g, '\\u002d\\u002d').replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}` : '';
  return `<!-- wp:${name}${json} -->\n${inner}\n<!-- /wp:${name} -->`;
}

export function wpInline(inlines: readonly Inline[]): string {
  return fragmentToHtml(inlineSpecs(inlines));
}

export function wpParagraph(html: string): string {
  return wpBlock('paragraph', {}, `<p>${html}</p>`);
}

export function wpHeading(level: number, html: string): string {
  return wpBlock('heading', level === 2 ? {} : { level }, `<h${level}>${html}</h${level}>`);
}

/** Rich text: paragraphs, headings, lists (core/list with core/list-item, nested lists inside the item). */
export function wpRichText(blocks: RichText): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return wpParagraph(wpInline(block.content));
      if (block.kind === 'heading') return wpHeading(Math.min(6, Math.max(2, block.level)), wpInline(block.content));
      return wpList(block.ordered, block.items.map((item) => listItem(item)));
    })
    .join('\n\n');
}

function listItem(item: RichText): string {
  const [first, ...rest] = item;
  const text = first && first.kind !== 'list' ? wpInline(first.content) : '';
  const nested = (first && first.kind === 'list' ? item : rest).map((block) => (block.kind === 'list' ? wpList(block.ordered, block.items.map(listItem)) : '')).join('');
  return wpBlock('list-item', {}, `<li>${text}${nested}</li>`);
}

export function wpList(ordered: boolean, items: string[]): string {
  const tag = ordered ? 'ol' : 'ul';
  return wpBlock('list', ordered ? { ordered: true } : {}, `<${tag}>${items.join('')}</${tag}>`);
}

/** A link list item: `<li><a href>title</a></li>`. */
export function wpLinkItem(href: string, title: string): string {
  return wpBlock('list-item', {}, `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a></li>`);
}

/**
 * core/image with alt text, caption and "Foto: …" credit in the caption; `captionBefore` (HTML,
 * escaped by the caller) goes first, such as a gallery image's title.
 */
export function wpImage(image: Image, context: WordPressContext, creditLabel: (credit: string) => string, captionBefore = ''): string {
  const attachment = image.media ? context.attachment(image.media) : null;
  if (!attachment) return '';
  const alt = image.decorative ? '' : image.alt;
  const caption = [captionBefore, ...[image.caption, image.credit ? creditLabel(image.credit) : ''].filter(Boolean).map(escapeHtml)].filter(Boolean).join(' ');
  return wpBlock(
    'image',
    { id: attachment.id, sizeSlug: 'full', linkDestination: 'none' },
    `<figure class="wp-block-image size-full"><img src="${escapeHtml(attachment.url)}" alt="${escapeHtml(alt)}" class="wp-image-${attachment.id}"/>${caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : ''}</figure>`,
  );
}

/** core/gallery as WordPress 6.x saves it: core/image blocks inside (images missing from the library are left out). */
export function wpGallery(images: string[]): string {
  const inner = images.filter(Boolean);
  if (inner.length === 0) return '';
  return wpBlock('gallery', { linkTo: 'none' }, `<figure class="wp-block-gallery has-nested-images columns-default is-cropped">${inner.join('\n\n')}</figure>`);
}

export type GroupTag = 'div' | 'section' | 'article';

/**
 * core/group around inner blocks. `className` keeps the portal's classes (`ce-box ce-box-blue`, …),
 * so a theme can style them as the portal does; WordPress keeps them in the block's "Additional CSS class".
 */
export function wpGroup(className: string, inner: string, tagName: GroupTag = 'div'): string {
  const attrs = { ...(tagName === 'div' ? {} : { tagName }), ...(className ? { className } : {}) };
  return wpBlock('group', attrs, `<${tagName} class="wp-block-group${className ? ` ${escapeHtml(className)}` : ''}">${inner}</${tagName}>`);
}

/** core/columns with one core/column per entry (inner blocks each). */
export function wpColumns(columns: string[]): string {
  return wpBlock('columns', {}, `<div class="wp-block-columns">${columns.map((inner) => wpBlock('column', {}, `<div class="wp-block-column">${inner}</div>`)).join('\n\n')}</div>`);
}

/** A paragraph that is one link. */
export function wpLinkParagraph(href: string, text: string): string {
  return wpParagraph(`<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`);
}

export interface WpTrack {
  src: string;
  kind: 'captions' | 'subtitles';
  srclang: string;
  label: string;
}

/** core/video of a file in the media library: poster, captions as tracks (the block's `tracks` attribute), the title as caption. */
export function wpVideo(video: { id: number; src: string; poster?: string; tracks: WpTrack[]; caption: string }): string {
  // No `default` on the track: WordPress's kses drops it for users without unfiltered_html, and the
  // block would then no longer match its save() (the viewer turns the captions on in the player).
  const attrs = { id: video.id, ...(video.tracks.length > 0 ? { tracks: video.tracks } : {}) };
  const tracks = video.tracks.map((track) => `<track src="${escapeHtml(track.src)}" kind="${track.kind}" srclang="${escapeHtml(track.srclang)}" label="${escapeHtml(track.label)}"/>`).join('');
  const poster = video.poster ? ` poster="${escapeHtml(video.poster)}"` : '';
  const caption = video.caption ? `<figcaption class="wp-element-caption">${escapeHtml(video.caption)}</figcaption>` : '';
  return wpBlock('video', attrs, `<figure class="wp-block-video"><video controls${poster} src="${escapeHtml(video.src)}">${tracks}</video>${caption}</figure>`);
}

/**
 * The documented fallback for blocks without their own mapping yet: the portal's own markup in
 * a core/html block (valid in the editor, shown as HTML; media from the WordPress library).
 */
export function wpHtml(spec: HtmlSpec): string {
  return wpBlock('html', {}, fragmentToHtml([spec]));
}
