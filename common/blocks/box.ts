import { Node } from '@tiptap/core';
import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import { fromRichText, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { contrastRatio } from '../contrast.js';
import type { BoxColours } from './block-checks.js';
import { contentOr, defineBlock, type BlockDefinition, stringAttr, type RenderContext } from './block-definition.js';
import { editorMarkup, nodeJson, plainAttribute, richContent } from './node-attributes.js';
import { wpGroup, wpRichText } from './wordpress-markup.js';

/** The demo page's four boxes; colours live in the portal stylesheet, each at least 4.5:1. */
export const boxVariants = ['blue', 'lightblue', 'black', 'gray'] as const;
export type BoxVariant = (typeof boxVariants)[number];

/** The box variants' colours in `common/rendering/portal.css` (a test keeps them in step). */
export const portalBoxColours: BoxColours = {
  blue: { color: '#ffffff', background: '#004a8f' },
  lightblue: { color: '#004a8f', background: '#e5eef7' },
  black: { color: '#ffffff', background: '#1b1b1b' },
  gray: { color: '#4a4a4a', background: '#ededed' },
};

const fieldsSchema = z.object({ variant: z.enum(boxVariants), bodytext: richTextSchema });
type Fields = z.infer<typeof fieldsSchema>;

function variantOf(value: string): BoxVariant {
  return (boxVariants as readonly string[]).includes(value) ? (value as BoxVariant) : 'blue';
}

function render(fields: Fields, context: RenderContext) {
  return ['div', { class: `ce-box ce-box-${fields.variant}` }, ...contentOr(context, () => richTextSpecs(fields.bodytext))] as const;
}

const BoxNode = Node.create({
  name: 'box',
  group: 'block',
  content: richContent,
  defining: true,
  addAttributes: () => ({ variant: plainAttribute('blue') }),
  parseHTML: () => [
    {
      tag: 'div.ce-box',
      getAttrs: (element) => ({ variant: variantOf(/ce-box-(\w+)/.exec(element.className)?.[1] ?? '') }),
    },
  ],
  renderHTML: ({ node, HTMLAttributes }) => editorMarkup(render(boxBlock.toFields(nodeJson(node)), { media: mediaPathResolver, editor: true }), HTMLAttributes),
});

/** "Kasten": highlighted text in one of the portal's four colour schemes. */
export const boxBlock: BlockDefinition<Fields> = defineBlock<Fields>({
  name: 'box',
  elementType: 'mask_thbox',
  label: 'block.box',
  description: 'block.box.description',
  keywords: ['kasten', 'box', 'hervorhebung', 'blau', 'grau', 'schwarz', 'hinweis'],
  editing: 'inline',
  extensions: [BoxNode],
  fieldsSchema,
  editorFields: [
    {
      name: 'variant',
      label: 'field.boxVariant',
      control: 'select',
      options: boxVariants.map((variant) => ({ value: variant, label: `box.${variant}` as const })),
    },
  ],
  create: () => ({ type: 'box', attrs: { variant: 'blue' }, content: [{ type: 'paragraph' }] }),
  toFields: (node) => ({ variant: variantOf(stringAttr(node, 'variant')), bodytext: toRichText(node.content ?? []) }),
  fromFields: (fields, id) => ({ type: 'box', attrs: { id, variant: fields.variant }, content: fromRichText(fields.bodytext) }),
  render,
  // A core/group with the portal's classes (`ce-box ce-box-lightblue`): the variant stays, a theme styles it.
  wordpress: (fields) => wpGroup(`ce-box ce-box-${fields.variant}`, wpRichText(fields.bodytext)),
  checks: [
    {
      id: 'a11y.contrast',
      severity: 'error',
      wcag: '1.4.3',
      run: ({ variant }, options) => {
        const colours = (options.boxColours ?? portalBoxColours)[variant];
        if (!colours) return null;
        const ratio = contrastRatio(colours.color, colours.background);
        return ratio < 4.5 ? { params: { ratio: ratio.toFixed(1).replace('.', ',') } } : null;
      },
    },
  ],
});
