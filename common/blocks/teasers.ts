import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import { escapeHtml, safeHref } from '../markup/html.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { defineBlock, stringAttr, type RenderContext } from './block-definition.js';
import { imageEditorFields } from './editor-fields.js';
import { emptyImage, imageFromElement, imageSchema, imageSpec } from './image.js';
import { atomBlockNode } from './node-attributes.js';
import { wpGroup, wpHeading, wpImage, wpLinkParagraph, wpParagraph } from './wordpress-markup.js';
import { contentMessage } from '../messages/index.js';

export const teaserTypes = ['A', 'B', 'C'] as const;
type TeaserType = (typeof teaserTypes)[number];

const teaserSchema = z.object({
  headline: z.string().max(200),
  text: z.string().max(1000),
  href: z.string().max(2048),
  linkText: z.string().max(200),
  image: imageSchema,
});
const fieldsSchema = z.object({ teaserType: z.enum(teaserTypes), items: z.array(teaserSchema) });
type Fields = z.infer<typeof fieldsSchema>;

function typeOf(value: string): TeaserType {
  return (teaserTypes as readonly string[]).includes(value) ? (value as TeaserType) : 'A';
}

function render(fields: Fields, context: RenderContext): HtmlSpec {
  return [
    'div',
    { class: `ce-teasers ce-teasers-${fields.teaserType.toLowerCase()}` },
    ...fields.items.map((item): HtmlSpec => {
      const href = safeHref(item.href);
      return [
        'article',
        { class: 'ce-teaser' },
        ...(item.image.media ? [['figure', { class: 'ce-teaser-image' }, imageSpec(item.image, context.media)] as const] : []),
        ['h2', { class: 'ce-teaser-headline' }, item.headline],
        ['p', { class: 'ce-teaser-text' }, item.text],
        href ? ['a', { class: 'ce-teaser-link', href }, item.linkText] : ['span', { class: 'ce-teaser-link' }, item.linkText],
      ];
    }),
  ];
}

const TeasersNode = atomBlockNode({
  name: 'teasers',
  defaults: { teaserType: 'A', items: [] },
  selector: 'div.ce-teasers',
  readAttributes: (element) => ({
    teaserType: typeOf((/ce-teasers-([abc])\b/.exec(element.className)?.[1] ?? 'a').toUpperCase()),
    items: [...element.querySelectorAll('article.ce-teaser')].map((teaser) => ({
      headline: teaser.querySelector('.ce-teaser-headline')?.textContent ?? '',
      text: teaser.querySelector('.ce-teaser-text')?.textContent ?? '',
      href: teaser.querySelector('a.ce-teaser-link')?.getAttribute('href') ?? '',
      linkText: teaser.querySelector('.ce-teaser-link')?.textContent ?? '',
      image: imageFromElement(teaser.querySelector('figure')),
    })),
  }),
  render: (node) => render(teasersBlock.toFields(node), { media: mediaPathResolver, editor: true }),
});

/** "Teaser" (types A, B, C): cards with headline, text and a descriptive link. */
export const teasersBlock = defineBlock<Fields>({
  name: 'teasers',
  elementType: 'mask_thteaser',
  label: 'block.teasers',
  description: 'block.teasers.description',
  keywords: ['teaser', 'karten', 'verweise', '3 spalter'],
  editing: 'panel',
  extensions: [TeasersNode],
  fieldsSchema,
  editorFields: [
    { name: 'teaserType', label: 'field.teaserType', control: 'select', options: teaserTypes.map((type) => ({ value: type, label: `teaserType.${type}` as const })) },
    {
      name: 'items',
      label: 'field.teasers',
      control: 'list',
      itemLabel: 'field.teaserItem',
      fields: [
        { name: 'headline', label: 'field.headline', control: 'text' },
        { name: 'text', label: 'field.text', control: 'textarea' },
        { name: 'href', label: 'field.href', control: 'url' },
        { name: 'linkText', label: 'field.linkText', control: 'text', hint: 'field.linkTextHint' },
        { name: 'image', label: 'field.image', control: 'group', fields: imageEditorFields },
      ],
      newItem: () => ({ headline: '', text: '', href: '', linkText: '', image: emptyImage() }),
    },
  ],
  create: () => ({ type: 'teasers', attrs: { teaserType: 'A', items: [] } }),
  toFields: (node) => {
    const items = z.array(teaserSchema).safeParse(node.attrs?.items);
    return { teaserType: typeOf(stringAttr(node, 'teaserType')), items: items.success ? items.data : [] };
  },
  fromFields: (fields, id) => ({ type: 'teasers', attrs: { id, teaserType: fields.teaserType, items: fields.items } }),
  render,
  // A core/group (the portal's `ce-teasers` classes) with one core/group <article> per teaser: image, heading, text, the link as a paragraph.
  wordpress: (fields, context) =>
    wpGroup(
      `ce-teasers ce-teasers-${fields.teaserType.toLowerCase()}`,
      fields.items
        .map((item) => {
          const href = safeHref(item.href);
          const parts = [
            wpImage(item.image, context, (credit) => contentMessage('portal.credit', { credit })),
            wpHeading(2, escapeHtml(item.headline)),
            item.text ? wpParagraph(escapeHtml(item.text)) : '',
            href ? wpLinkParagraph(href, item.linkText || href) : item.linkText ? wpParagraph(escapeHtml(item.linkText)) : '',
          ];
          return wpGroup('ce-teaser', parts.filter(Boolean).join('\n\n'), 'article');
        })
        .join('\n\n'),
    ),
});
