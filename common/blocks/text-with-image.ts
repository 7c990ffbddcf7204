import { Node } from '@tiptap/core';
import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { fromRichText, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { contentOr, defineBlock, type BlockDefinition, stringAttr, type RenderContext } from './block-definition.js';
import { imageEditorFields } from './editor-fields.js';
import { emptyImage, figcaptionSpec, imageFrom, imageFromElement, imageSchema, imageSpec } from './image.js';
import { editorMarkup, nodeJson, plainAttribute, richContent } from './node-attributes.js';
import { wpImage, wpRichText } from './wordpress-markup.js';
import { contentMessage } from '../messages/index.js';

export const imagePositions = ['above', 'left', 'right', 'full'] as const;
type ImagePosition = (typeof imagePositions)[number];

const fieldsSchema = z.object({ image: imageSchema, position: z.enum(imagePositions), bodytext: richTextSchema });
type Fields = z.infer<typeof fieldsSchema>;

function positionOf(value: string): ImagePosition {
  return (imagePositions as readonly string[]).includes(value) ? (value as ImagePosition) : 'above';
}

function render(fields: Fields, context: RenderContext): HtmlSpec {
  return [
    'div',
    { class: `ce-textmedia ce-textmedia-${fields.position}` },
    [
      'figure',
      { class: 'ce-textmedia-figure', contenteditable: context.editor ? 'false' : undefined },
      imageSpec(fields.image, context.media),
      ...figcaptionSpec(fields.image),
    ],
    ['div', { class: 'ce-bodytext' }, ...contentOr(context, () => richTextSpecs(fields.bodytext))],
  ];
}

const TextWithImageNode = Node.create({
  name: 'textWithImage',
  group: 'block',
  content: richContent,
  defining: true,
  addAttributes: () => ({ image: plainAttribute(emptyImage()), position: plainAttribute('above') }),
  parseHTML: () => [
    {
      tag: 'div.ce-textmedia',
      contentElement: '.ce-bodytext',
      getAttrs: (element) => ({
        image: imageFromElement(element.querySelector('figure')),
        position: positionOf(/ce-textmedia-(\w+)/.exec(element.className)?.[1] ?? ''),
      }),
    },
  ],
  renderHTML: ({ node, HTMLAttributes }) => editorMarkup(render(textWithImageBlock.toFields(nodeJson(node)), { media: mediaPathResolver, editor: true }), HTMLAttributes),
});

/** "Text mit Bild": text with one image above, to the left, to the right or at full width. */
export const textWithImageBlock: BlockDefinition<Fields> = defineBlock<Fields>({
  name: 'textWithImage',
  elementType: 'textmedia',
  label: 'block.textWithImage',
  description: 'block.textWithImage.description',
  keywords: ['bild', 'foto', 'text mit bild', 'abbildung'],
  editing: 'inline',
  extensions: [TextWithImageNode],
  fieldsSchema,
  editorFields: [
    {
      name: 'position',
      label: 'field.imagePosition',
      control: 'select',
      options: imagePositions.map((position) => ({ value: position, label: `imagePosition.${position}` as const })),
    },
    { name: 'image', label: 'field.image', control: 'group', fields: imageEditorFields },
  ],
  create: () => ({ type: 'textWithImage', attrs: { image: emptyImage(), position: 'above' }, content: [{ type: 'paragraph' }] }),
  toFields: (node) => ({
    image: imageFrom(node.attrs?.image),
    position: positionOf(stringAttr(node, 'position')),
    bodytext: toRichText(node.content ?? []),
  }),
  fromFields: (fields, id) => ({
    type: 'textWithImage',
    attrs: { id, image: fields.image, position: fields.position },
    content: fromRichText(fields.bodytext),
  }),
  render,
  // core/image followed by the text (media & text would tie the layout to the theme).
  wordpress: (fields, context) => [wpImage(fields.image, context, (credit) => contentMessage('portal.credit', { credit })), wpRichText(fields.bodytext)].filter(Boolean).join('\n\n'),
});
