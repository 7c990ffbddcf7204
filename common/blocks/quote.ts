import { Node } from '@tiptap/core';
import { z } from 'zod';
import { fromRichText, inlineText, richTextSchema, richTextSpecs, toRichText } from '../markup/rich-text.js';
import { words } from './block-checks.js';
import { contentOr, defineBlock, type BlockDefinition, stringAttr, type RenderContext } from './block-definition.js';
import { editorMarkup, nodeJson, plainAttribute } from './node-attributes.js';
import { mediaPathResolver } from '../media.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { escapeHtml } from '../markup/html.js';
import { wpBlock, wpRichText } from './wordpress-markup.js';

const fieldsSchema = z.object({ quote: richTextSchema, speaker: z.string().max(200), role: z.string().max(300) });
type Fields = z.infer<typeof fieldsSchema>;

function render(fields: Fields, context: RenderContext): HtmlSpec {
  const caption: HtmlSpec[] = [['span', { class: 'ce-quote-speaker' }, fields.speaker]];
  if (fields.role) caption.push(', ', ['span', { class: 'ce-quote-role' }, fields.role]);
  return [
    'figure',
    { class: 'ce-quote' },
    ['blockquote', ...contentOr(context, () => richTextSpecs(fields.quote))],
    ['figcaption', { contenteditable: context.editor ? 'false' : undefined }, ...caption],
  ];
}

const QuoteNode = Node.create({
  name: 'quote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes: () => ({ speaker: plainAttribute(''), role: plainAttribute('') }),
  parseHTML: () => [
    {
      tag: 'figure.ce-quote',
      contentElement: 'blockquote',
      getAttrs: (element) => ({
        speaker: element.querySelector('.ce-quote-speaker')?.textContent ?? '',
        role: element.querySelector('.ce-quote-role')?.textContent ?? '',
      }),
    },
    // A quotation pasted from elsewhere becomes a quote; speaker and role are then added in the panel.
    { tag: 'blockquote', priority: 40, attrs: { speaker: '', role: '' } },
  ],
  renderHTML: ({ node, HTMLAttributes }) => editorMarkup(render(quoteBlock.toFields(nodeJson(node)), { media: mediaPathResolver, editor: true }), HTMLAttributes),
});

/** A quoted statement („…“) with speaker and role, as on the demo page. */
export const quoteBlock: BlockDefinition<Fields> = defineBlock<Fields>({
  name: 'quote',
  elementType: 'mask_thquote',
  label: 'block.quote',
  description: 'block.quote.description',
  keywords: ['zitat', 'aussage', 'statement', 'sprecher'],
  editing: 'inline',
  extensions: [QuoteNode],
  fieldsSchema,
  editorFields: [
    { name: 'speaker', label: 'field.speaker', control: 'text' },
    { name: 'role', label: 'field.role', control: 'text' },
  ],
  create: () => ({ type: 'quote', attrs: { speaker: '', role: '' }, content: [{ type: 'paragraph' }] }),
  toFields: (node) => ({ quote: toRichText(node.content ?? []), speaker: stringAttr(node, 'speaker'), role: stringAttr(node, 'role') }),
  fromFields: (fields, id) => ({ type: 'quote', attrs: { id, speaker: fields.speaker, role: fields.role }, content: fromRichText(fields.quote) }),
  render,
  // core/quote (6.1: inner paragraph blocks) with speaker and role as its citation.
  wordpress: (fields) => {
    const citation = [fields.speaker, fields.role].filter(Boolean).map(escapeHtml).join(', ');
    return wpBlock('quote', {}, `<blockquote class="wp-block-quote">${wpRichText(fields.quote)}${citation ? `<cite>${citation}</cite>` : ''}</blockquote>`);
  },
  checks: [
    {
      id: 'a11y.quoteAsHeading',
      severity: 'warning',
      wcag: '1.3.1',
      run: ({ quote, speaker }) => {
        // The paragraphs' text run together, as the check has always counted it.
        const count = words(quote.map((block) => (block.kind === 'list' ? '' : inlineText(block.content))).join('')).length;
        return count > 0 && count <= 5 && speaker.trim() === '' ? {} : null;
      },
    },
  ],
});
