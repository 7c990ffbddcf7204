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

/** core/image with alt text, caption and "Foto: …" credit in the caption. */
export function wpImage(image: Image, context: WordPressContext, creditLabel: (credit: string) => string): string {
  const attachment = image.media ? context.attachment(image.media) : null;
  if (!attachment) return '';
  const alt = image.decorative ? '' : image.alt;
  const caption = [image.caption, image.credit ? creditLabel(image.credit) : ''].filter(Boolean).map(escapeHtml).join(' ');
  return wpBlock(
    'image',
    { id: attachment.id, sizeSlug: 'full', linkDestination: 'none' },
    `<figure class="wp-block-image size-full"><img src="${escapeHtml(attachment.url)}" alt="${escapeHtml(alt)}" class="wp-image-${attachment.id}"/>${caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : ''}</figure>`,
  );
}

/**
 * The documented fallback for blocks without their own mapping yet: the portal's own markup in
 * a core/html block (valid in the editor, shown as HTML; media from the WordPress library).
 */
export function wpHtml(spec: HtmlSpec): string {
  return wpBlock('html', {}, fragmentToHtml([spec]));
}
