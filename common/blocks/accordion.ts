import { mergeAttributes, Node } from '@tiptap/core';
import { z } from 'zod';
import type { DocumentNode } from '../article.js';
import { fromRichText, inlineSchema, inlineSpecs, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { defineBlock, type RenderContext } from './block-definition.js';
import { richContent } from './node-attributes.js';
import { wpGroup, wpHeading, wpInline, wpRichText } from './wordpress-markup.js';

const itemSchema = z.object({ title: z.array(inlineSchema), content: richTextSchema });
const fieldsSchema = z.object({ items: z.array(itemSchema).min(1) });
type Fields = z.infer<typeof fieldsSchema>;

function render(fields: Fields, context: RenderContext) {
  if (context.editor) return ['div', { class: 'ce-accordion' }, 0] as const;
  return [
    'div',
    { class: 'ce-accordion' },
    ...fields.items.map((item) => [
      'details',
      { class: 'ce-accordion-item' },
      ['summary', { class: 'ce-accordion-title' }, ...inlineSpecs(item.title)],
      ['div', { class: 'ce-accordion-content' }, ...richTextSpecs(item.content)],
    ] as const),
  ] as const;
}

const AccordionTitleNode = Node.create({
  name: 'accordionTitle',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'summary.ce-accordion-title' }, { tag: 'div.ce-accordion-title' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'ce-accordion-title' }), 0],
});

const AccordionContentNode = Node.create({
  name: 'accordionContent',
  content: richContent,
  defining: true,
  parseHTML: () => [{ tag: 'div.ce-accordion-content' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'ce-accordion-content' }), 0],
});

const AccordionItemNode = Node.create({
  name: 'accordionItem',
  content: 'accordionTitle accordionContent',
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'details.ce-accordion-item' }, { tag: 'div.ce-accordion-item' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'ce-accordion-item' }), 0],
});

const AccordionNode = Node.create({
  name: 'accordion',
  group: 'block',
  content: 'accordionItem+',
  defining: true,
  parseHTML: () => [{ tag: 'div.ce-accordion' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'ce-accordion' }), 0],
});

function itemNode(title: DocumentNode[], content: DocumentNode[]): DocumentNode {
  return {
    type: 'accordionItem',
    content: [
      title.length > 0 ? { type: 'accordionTitle', content: title } : { type: 'accordionTitle' },
      { type: 'accordionContent', content },
    ],
  };
}

/** "Akkordeon": items of a title and rich content with sub-headings, opened one by one. */
export const accordionBlock = defineBlock<Fields>({
  name: 'accordion',
  elementType: 'mask_thaccordion',
  label: 'block.accordion',
  description: 'block.accordion.description',
  keywords: ['akkordeon', 'aufklappen', 'faq', 'fragen'],
  editing: 'inline',
  extensions: [AccordionNode, AccordionItemNode, AccordionTitleNode, AccordionContentNode],
  fieldsSchema,
  editorFields: [],
  create: () => ({ type: 'accordion', content: [itemNode([], [{ type: 'paragraph' }])] }),
  toFields: (node) => ({
    items: (node.content ?? []).map((item) => {
      const [title, content] = item.content ?? [];
      const [paragraph] = toRichText([{ type: 'paragraph', content: title?.content ?? [] }]);
      return { title: paragraph?.kind === 'paragraph' ? paragraph.content : [], content: toRichText(content?.content ?? []) };
    }),
  }),
  fromFields: (fields, id) => ({
    type: 'accordion',
    attrs: { id },
    content: fields.items.map((item) =>
      itemNode(
        item.title.flatMap((inline) => ('text' in inline ? [{ type: 'text', text: inline.text }] : [])),
        fromRichText(item.content),
      ),
    ),
  }),
  render,
  /*
   * WordPress 6.1 has no core/details (it came with 6.3). The documented choice: a core/group
   * (`ce-accordion`) with one core/group (`ce-accordion-item`) per item, its title as a heading
   * (level 3) and its content as blocks. Everything stays editable in the block editor and visible
   * on the page, open; a theme may fold the items by these classes. (core/html with
   * <details>/<summary> would fold, but the editor could no longer edit the text as blocks.)
   */
  wordpress: (fields) =>
    wpGroup('ce-accordion', fields.items.map((item) => wpGroup('ce-accordion-item', `${wpHeading(3, wpInline(item.title))}\n\n${wpRichText(item.content)}`)).join('\n\n')),
});
