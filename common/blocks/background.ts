import { Node } from '@tiptap/core';
import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import { fromRichText, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { contentOr, defineBlock, type BlockDefinition, stringAttr, type RenderContext } from './block-definition.js';
import { editorMarkup, nodeJson, plainAttribute, richContent } from './node-attributes.js';
import { escapeHtml } from '../markup/html.js';
import { wpGroup, wpHeading, wpRichText } from './wordpress-markup.js';

const fieldsSchema = z.object({ header: z.string().max(200), bodytext: richTextSchema });
type Fields = z.infer<typeof fieldsSchema>;

function render(fields: Fields, context: RenderContext) {
  return [
    'section',
    { class: 'ce-background' },
    ['h2', { class: 'ce-background-header', contenteditable: context.editor ? 'false' : undefined }, fields.header],
    ['div', { class: 'ce-background-body' }, ...contentOr(context, () => richTextSpecs(fields.bodytext))],
  ] as const;
}

const BackgroundNode = Node.create({
  name: 'background',
  group: 'block',
  content: richContent,
  defining: true,
  addAttributes: () => ({ header: plainAttribute('Hintergrund') }),
  parseHTML: () => [
    {
      tag: 'section.ce-background',
      contentElement: '.ce-background-body',
      getAttrs: (element) => ({ header: element.querySelector('.ce-background-header')?.textContent ?? 'Hintergrund' }),
    },
  ],
  renderHTML: ({ node, HTMLAttributes }) => editorMarkup(render(backgroundBlock.toFields(nodeJson(node)), { media: mediaPathResolver, editor: true }), HTMLAttributes),
});

/** The "Hintergrund" section at the end of a release: its own heading and text. */
export const backgroundBlock: BlockDefinition<Fields> = defineBlock<Fields>({
  name: 'background',
  elementType: 'mask_thbackground',
  label: 'block.background',
  description: 'block.background.description',
  keywords: ['hintergrund', 'hintergrundinformationen', 'info'],
  editing: 'inline',
  extensions: [BackgroundNode],
  fieldsSchema,
  editorFields: [{ name: 'header', label: 'field.header', control: 'text' }],
  create: () => ({ type: 'background', attrs: { header: 'Hintergrund' }, content: [{ type: 'paragraph' }] }),
  toFields: (node) => ({ header: stringAttr(node, 'header') || 'Hintergrund', bodytext: toRichText(node.content ?? []) }),
  fromFields: (fields, id) => ({ type: 'background', attrs: { id, header: fields.header }, content: fromRichText(fields.bodytext) }),
  render,
  // A core/group as a <section> with its heading, the portal's class kept for the theme.
  wordpress: (fields) => wpGroup('ce-background', `${wpHeading(2, escapeHtml(fields.header))}\n\n${wpRichText(fields.bodytext)}`, 'section'),
});
