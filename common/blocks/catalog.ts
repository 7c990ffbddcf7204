import { getSchema, type AnyExtension } from '@tiptap/core';
import { Subscript } from '@tiptap/extension-subscript';
import { Superscript } from '@tiptap/extension-superscript';
import { LanguageMark } from './language-mark.js';
import { UniqueID } from '@tiptap/extension-unique-id';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { accordionBlock } from './accordion.js';
import { backgroundBlock } from './background.js';
import type { BlockDefinition } from './block-definition.js';
import { boxBlock } from './box.js';
import { galleryBlock } from './gallery.js';
import { headingBlock } from './heading.js';
import { linkListBlock } from './link-list.js';
import { quoteBlock } from './quote.js';
import { sliderBlock } from './slider.js';
import { tableBlock } from './table.js';
import { teasersBlock } from './teasers.js';
import { textWithImageBlock } from './text-with-image.js';
import { textBlock, textNodeTypes } from './text.js';
import { twoColumnsBlock } from './two-columns.js';
import { videoBlock } from './video.js';

/** Every block a press release can hold, in the order the insert menu lists them. */
export const blockCatalog: readonly BlockDefinition<never>[] = [
  textBlock,
  headingBlock,
  quoteBlock,
  backgroundBlock,
  tableBlock,
  textWithImageBlock,
  galleryBlock,
  sliderBlock,
  twoColumnsBlock,
  teasersBlock,
  accordionBlock,
  linkListBlock,
  videoBlock,
  boxBlock,
] as unknown as readonly BlockDefinition<never>[];

/** The catalog block a top-level node belongs to. */
export function blockOfNode(nodeType: string): BlockDefinition<never> | undefined {
  if ((textNodeTypes as readonly string[]).includes(nodeType)) return textBlock as unknown as BlockDefinition<never>;
  return blockCatalog.find((block) => block.name === nodeType);
}

/** Node types that carry a stable block id (review comments and checks anchor to it). */
export const blockIdTypes = [
  ...textNodeTypes,
  ...blockCatalog.filter((block) => block !== (textBlock as unknown)).map((block) => block.name),
];

/**
 * The document's TipTap extensions, built from the catalog: the editor adds its own
 * (placeholder, typography, node views) on top; main builds the schema from these alone.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // The heading block brings its own heading node (H1 pasted becomes H2).
      heading: false,
      blockquote: false,
      codeBlock: false,
      code: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto', 'tel'],
        HTMLAttributes: { rel: null, target: null, class: null },
      },
    }),
    Subscript,
    Superscript,
    LanguageMark,
    UniqueID.configure({ types: blockIdTypes, attributeName: 'id' }),
    ...blockCatalog.flatMap((block) => block.extensions),
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema of a press release, the same in every process. */
export function documentSchema(): Schema {
  schema ??= getSchema(documentExtensions());
  return schema;
}
