import { z } from 'zod';
import type { DocumentNode } from '../article.js';
import { fromRichText, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { contentOr, defineBlock } from './block-definition.js';
import { wpRichText } from './wordpress-markup.js';

/** Top-level node types that form a text block; consecutive ones become one portal element. */
export const textNodeTypes = ['paragraph', 'bulletList', 'orderedList'] as const;
export const TEXT_RUN = 'textRun';

/** "Text über die gesamte Breite": paragraphs, lists, bold, italic, links, sub- and superscript. */
export const textBlock = defineBlock({
  name: 'text',
  elementType: 'text',
  label: 'block.text',
  description: 'block.text.description',
  keywords: ['absatz', 'fließtext', 'liste', 'aufzählung'],
  editing: 'inline',
  extensions: [],
  editorFields: [],
  fieldsSchema: z.object({ bodytext: richTextSchema }),
  create: (): DocumentNode => ({ type: 'paragraph' }),
  // Receives the run of consecutive text nodes, wrapped as a textRun.
  toFields: (node) => ({ bodytext: toRichText(node.content ?? []) }),
  fromFields: (fields) => ({ type: TEXT_RUN, content: fromRichText(fields.bodytext) }),
  render: (fields, context) => ['div', { class: 'ce-text' }, ...contentOr(context, () => richTextSpecs(fields.bodytext))],
  wordpress: (fields) => wpRichText(fields.bodytext),
});
