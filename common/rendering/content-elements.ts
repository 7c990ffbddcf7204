import { z } from 'zod';
import type { ArticleBody, DocumentNode } from '../article.js';
import type { RenderContext } from '../blocks/block-definition.js';
import { blockCatalog, blockOfNode } from '../blocks/catalog.js';
import { TEXT_RUN, textBlock, textNodeTypes } from '../blocks/text.js';
import { fragmentToHtml, type HtmlSpec } from '../markup/html-spec.js';

/** One portal content element: what a block becomes for the portal (type + structured fields). */
export const contentElementSchema = z.object({
  id: z.string().min(1).max(100),
  /** The catalog block, e.g. "quote". */
  block: z.string(),
  /** The portal's element type, e.g. "mask_thquote". */
  type: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type ContentElement = z.infer<typeof contentElementSchema>;

function idOf(node: DocumentNode | undefined, index: number): string {
  const id = node?.attrs?.id;
  return typeof id === 'string' && id !== '' ? id : `block-${index + 1}`;
}

function isEmptyParagraph(node: DocumentNode): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
}

/** document -> content elements: consecutive paragraphs and lists form one text element. */
export function toContentElements(body: ArticleBody): ContentElement[] {
  const elements: ContentElement[] = [];
  let run: DocumentNode[] = [];
  const flush = () => {
    const content = run.filter((node) => !isEmptyParagraph(node));
    if (content.length > 0) {
      elements.push({
        id: idOf(content[0], elements.length),
        block: textBlock.name,
        type: textBlock.elementType,
        fields: textBlock.toFields({ type: TEXT_RUN, content }),
      });
    }
    run = [];
  };
  for (const node of body.content) {
    if ((textNodeTypes as readonly string[]).includes(node.type)) {
      run.push(node);
      continue;
    }
    flush();
    const block = blockOfNode(node.type);
    if (!block) continue;
    elements.push({ id: idOf(node, elements.length), block: block.name, type: block.elementType, fields: block.toFields(node) as Record<string, unknown> });
  }
  flush();
  return elements;
}

/** content elements -> document: the inverse, for what comes back from the portal. */
export function fromContentElements(elements: readonly ContentElement[]): ArticleBody {
  const content: DocumentNode[] = [];
  for (const element of elements) {
    const block = blockCatalog.find((candidate) => candidate.name === element.block);
    if (!block) throw new Error(`Unknown block "${element.block}"`);
    const fields = block.fieldsSchema.parse(element.fields);
    const node = block.fromFields(fields, element.id);
    if (node.type === TEXT_RUN) content.push(...(node.content ?? []));
    else content.push(node);
  }
  return { type: 'doc', content };
}

/** One element in the portal's markup, wrapped like TYPO3 wraps content elements. */
export function elementSpec(element: ContentElement, context: RenderContext): HtmlSpec {
  const block = blockCatalog.find((candidate) => candidate.name === element.block);
  if (!block) throw new Error(`Unknown block "${element.block}"`);
  const fields = block.fieldsSchema.parse(element.fields);
  return ['div', { class: `frame frame-type-${element.type}`, id: `c-${element.id}`, 'data-block-id': element.id }, block.render(fields, context)];
}

/** content elements -> HTML fragment, without a browser. */
export function renderElements(elements: readonly ContentElement[], context: Omit<RenderContext, 'editor'>): string {
  return fragmentToHtml(elements.map((element) => elementSpec(element, { ...context, editor: false })));
}
