import { z } from 'zod';
import { slugify } from '../german-folding.js';
import { describeFile, fileExtension, mediaPathResolver, mediaRefSchema } from '../media.js';
import { safeHref } from '../markup/html.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { defineBlock, stringAttr, type RenderContext } from './block-definition.js';
import { downloadTypes } from './editor-fields.js';
import { atomBlockNode } from './node-attributes.js';
import { wpHeading, wpLinkItem, wpList } from './wordpress-markup.js';
import { escapeHtml } from '../markup/html.js';

const linkSchema = z.object({ title: z.string().max(300), href: z.string().max(2048), download: mediaRefSchema.nullable() });
const fieldsSchema = z.object({ header: z.string().max(200), links: z.array(linkSchema) });
type Fields = z.infer<typeof fieldsSchema>;

function render(fields: Fields, context: RenderContext): HtmlSpec {
  return [
    'div',
    { class: 'ce-linklist' },
    ...(fields.header ? [['h2', { class: 'ce-linklist-header' }, fields.header] as const] : []),
    [
      'ul',
      ...fields.links.map((link): HtmlSpec => {
        if (link.download) {
          return [
            'li',
            { class: 'ce-download' },
            [
              'a',
              {
                href: context.media.url(link.download),
                // Saved under the link's title where the uploader's file name is not to be shown.
                download: context.media.name(link.download) ?? `${slugify(link.title, { fallback: 'download' })}.${fileExtension(link.download).toLowerCase()}`,
                'data-sha256': link.download.sha256,
                'data-mime-type': link.download.mimeType,
                'data-size': String(link.download.size),
                'data-name': context.media.name(link.download),
              },
              ['span', { class: 'ce-link-title' }, link.title],
              ' ',
              ['span', { class: 'ce-file-info' }, `(${describeFile(link.download)})`],
            ],
          ];
        }
        const href = safeHref(link.href);
        const title: HtmlSpec = ['span', { class: 'ce-link-title' }, link.title];
        return ['li', href ? ['a', { href }, title] : title];
      }),
    ],
  ];
}

const LinkListNode = atomBlockNode({
  name: 'linkList',
  defaults: { header: '', links: [] },
  selector: 'div.ce-linklist',
  readAttributes: (element) => ({
    header: element.querySelector('.ce-linklist-header')?.textContent ?? '',
    links: [...element.querySelectorAll('li')].map((item) => {
      const anchor = item.querySelector('a');
      const sha256 = anchor?.getAttribute('data-sha256');
      return {
        title: item.querySelector('.ce-link-title')?.textContent ?? '',
        href: sha256 ? '' : (anchor?.getAttribute('href') ?? ''),
        download: sha256
          ? {
              sha256,
              mimeType: anchor?.getAttribute('data-mime-type') ?? 'application/octet-stream',
              size: Number(anchor?.getAttribute('data-size') ?? 0),
              name: anchor?.getAttribute('data-name') ?? '',
            }
          : null,
      };
    }),
  }),
  render: (node) => render(linkListBlock.toFields(node), { media: mediaPathResolver, editor: true }),
});

/** "Linkliste": links with titles, and downloads that announce their file type and size. */
export const linkListBlock = defineBlock<Fields>({
  name: 'linkList',
  elementType: 'mask_thlinklist',
  label: 'block.linkList',
  description: 'block.linkList.description',
  keywords: ['links', 'linkliste', 'downloads', 'dateien', 'pdf'],
  editing: 'panel',
  extensions: [LinkListNode],
  fieldsSchema,
  editorFields: [
    { name: 'header', label: 'field.header', control: 'text' },
    {
      name: 'links',
      label: 'field.links',
      control: 'list',
      itemLabel: 'field.linkItem',
      fields: [
        { name: 'title', label: 'field.linkTitle', control: 'text', hint: 'field.linkTextHint' },
        { name: 'href', label: 'field.href', control: 'url' },
        { name: 'download', label: 'field.download', control: 'media', accept: downloadTypes, hint: 'field.downloadHint' },
      ],
      newItem: () => ({ title: '', href: '', download: null }),
    },
  ],
  create: () => ({ type: 'linkList', attrs: { header: '', links: [] } }),
  toFields: (node) => {
    const links = z.array(linkSchema).safeParse(node.attrs?.links);
    return { header: stringAttr(node, 'header'), links: links.success ? links.data : [] };
  },
  fromFields: (fields, id) => ({ type: 'linkList', attrs: { id, header: fields.header, links: fields.links } }),
  render,
  // A heading and a core/list of links; a download links to its file in the media library.
  wordpress: (fields, context) => {
    const items = fields.links.flatMap((link) => {
      const href = link.download ? context.attachment(link.download)?.url : safeHref(link.href);
      return href ? [wpLinkItem(href, link.title || href)] : [];
    });
    return [fields.header ? wpHeading(3, escapeHtml(fields.header)) : '', items.length > 0 ? wpList(false, items) : ''].filter(Boolean).join('\n\n');
  },
});
