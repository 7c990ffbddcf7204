import { mergeAttributes, Node } from '@tiptap/core';
import { z } from 'zod';
import { fromRichText, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { defineBlock, type RenderContext } from './block-definition.js';
import { richContent } from './node-attributes.js';
import { wpColumns, wpRichText } from './wordpress-markup.js';

const fieldsSchema = z.object({ left: richTextSchema, right: richTextSchema });
type Fields = z.infer<typeof fieldsSchema>;

function render(fields: Fields, context: RenderContext) {
  if (context.editor) return ['div', { class: 'ce-columns' }, 0] as const;
  return [
    'div',
    { class: 'ce-columns' },
    ['div', { class: 'ce-column' }, ...richTextSpecs(fields.left)],
    ['div', { class: 'ce-column' }, ...richTextSpecs(fields.right)],
  ] as const;
}

const ColumnNode = Node.create({
  name: 'column',
  content: richContent,
  isolating: true,
  parseHTML: () => [{ tag: 'div.ce-column' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'ce-column' }), 0],
});

const TwoColumnsNode = Node.create({
  name: 'twoColumns',
  group: 'block',
  content: 'column column',
  defining: true,
  parseHTML: () => [{ tag: 'div.ce-columns' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'ce-columns' }), 0],
});

/** "2 Spalter": two columns of text side by side (stacked on small screens). */
export const twoColumnsBlock = defineBlock<Fields>({
  name: 'twoColumns',
  elementType: 'mask_thtwocolumns',
  label: 'block.twoColumns',
  description: 'block.twoColumns.description',
  keywords: ['spalten', 'zweispaltig', '2 spalter', 'nebeneinander'],
  editing: 'inline',
  extensions: [TwoColumnsNode, ColumnNode],
  fieldsSchema,
  editorFields: [],
  create: () => ({
    type: 'twoColumns',
    content: [
      { type: 'column', content: [{ type: 'paragraph' }] },
      { type: 'column', content: [{ type: 'paragraph' }] },
    ],
  }),
  toFields: (node) => ({
    left: toRichText(node.content?.[0]?.content ?? []),
    right: toRichText(node.content?.[1]?.content ?? []),
  }),
  fromFields: (fields, id) => ({
    type: 'twoColumns',
    attrs: { id },
    content: [
      { type: 'column', content: fromRichText(fields.left) },
      { type: 'column', content: fromRichText(fields.right) },
    ],
  }),
  render,
  // core/columns with two core/column blocks.
  wordpress: (fields) => wpColumns([wpRichText(fields.left), wpRichText(fields.right)]),
});
