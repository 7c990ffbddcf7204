import { z } from 'zod';
import type { DocumentNode } from '../article.js';
import { safeHref } from './html.js';
import type { HtmlSpec } from './html-spec.js';

const languageTag = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** A language tag as the language mark keeps it, or null for anything else. */
export function cleanLanguage(value: unknown): string | null {
  return typeof value === 'string' && languageTag.test(value) ? value : null;
}

/**
 * Rich text as the portal receives it: structured paragraphs, headings and lists with
 * marked runs of text, never HTML strings.
 */
export const richMarkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('subscript') }),
  z.object({ type: z.literal('superscript') }),
  z.object({ type: z.literal('link'), href: z.string().max(2048) }),
  /** A passage in another language: rendered with `lang`. */
  z.object({ type: z.literal('language'), lang: z.string().regex(languageTag) }),
]);
export type RichMark = z.infer<typeof richMarkSchema>;

export const inlineSchema = z.union([
  z.object({ text: z.string(), marks: z.array(richMarkSchema).optional() }),
  z.object({ hardBreak: z.literal(true) }),
]);
export type Inline = z.infer<typeof inlineSchema>;

export type RichBlock =
  | { kind: 'paragraph'; id?: string | undefined; content: Inline[] }
  | { kind: 'heading'; id?: string | undefined; level: number; content: Inline[] }
  | { kind: 'list'; id?: string | undefined; ordered: boolean; items: RichBlock[][] };

export const richBlockSchema: z.ZodType<RichBlock> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('paragraph'), id: z.string().optional(), content: z.array(inlineSchema) }),
    z.object({ kind: z.literal('heading'), id: z.string().optional(), level: z.number().int().min(2).max(6), content: z.array(inlineSchema) }),
    z.object({ kind: z.literal('list'), id: z.string().optional(), ordered: z.boolean(), items: z.array(z.array(richBlockSchema)) }),
  ]),
);
export const richTextSchema = z.array(richBlockSchema);
export type RichText = RichBlock[];

/** The document node types that rich text is made of. */
export const richNodeTypes = new Set(['paragraph', 'heading', 'bulletList', 'orderedList']);

const markNames: Record<string, RichMark['type']> = { bold: 'bold', italic: 'italic', subscript: 'subscript', superscript: 'superscript', link: 'link', language: 'language' };

/** The plain text of inline runs; a line break is a newline. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => ('hardBreak' in inline ? '\n' : inline.text)).join('');
}

function inlinesOf(node: DocumentNode): Inline[] {
  const inlines: Inline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') {
      inlines.push({ hardBreak: true });
      continue;
    }
    if (child.type !== 'text' || !child.text) continue;
    const marks: RichMark[] = [];
    for (const mark of child.marks ?? []) {
      const type = markNames[mark.type];
      if (type === 'link') marks.push({ type, href: String(mark.attrs?.href ?? '') });
      else if (type === 'language') {
        const lang = cleanLanguage(mark.attrs?.lang);
        if (lang) marks.push({ type, lang });
      } else if (type) marks.push({ type });
    }
    inlines.push(marks.length > 0 ? { text: child.text, marks } : { text: child.text });
  }
  return inlines;
}

function idOf(node: DocumentNode): string | undefined {
  const id = node.attrs?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Document nodes (paragraphs, headings, lists) to rich text. */
export function toRichText(nodes: readonly DocumentNode[]): RichText {
  const blocks: RichText = [];
  for (const node of nodes) {
    const id = idOf(node);
    if (node.type === 'paragraph') blocks.push({ kind: 'paragraph', id, content: inlinesOf(node) });
    else if (node.type === 'heading') blocks.push({ kind: 'heading', id, level: Number(node.attrs?.level ?? 2), content: inlinesOf(node) });
    else if (node.type === 'bulletList' || node.type === 'orderedList') {
      blocks.push({
        kind: 'list',
        id,
        ordered: node.type === 'orderedList',
        items: (node.content ?? []).map((item) => toRichText(item.content ?? [])),
      });
    }
  }
  return blocks.map(withoutUndefinedId);
}

function withoutUndefinedId(block: RichBlock): RichBlock {
  if (block.id !== undefined) return block;
  const { id: _id, ...rest } = block;
  return rest as RichBlock;
}

function inlineNodes(inlines: readonly Inline[]): DocumentNode[] {
  return inlines.map((inline) => {
    if ('hardBreak' in inline) return { type: 'hardBreak' };
    const node: DocumentNode = { type: 'text', text: inline.text };
    if (inline.marks && inline.marks.length > 0) {
      node.marks = inline.marks.map((mark) =>
        mark.type === 'link' ? { type: 'link', attrs: { href: mark.href } } : mark.type === 'language' ? { type: 'language', attrs: { lang: mark.lang } } : { type: mark.type },
      );
    }
    return node;
  });
}

function withContent(node: DocumentNode, content: DocumentNode[]): DocumentNode {
  return content.length > 0 ? { ...node, content } : node;
}

/** Rich text back to document nodes; the inverse of `toRichText` for what the schema allows. */
export function fromRichText(blocks: readonly RichBlock[]): DocumentNode[] {
  return blocks.map((block) => {
    const attrs: Record<string, unknown> = block.id ? { id: block.id } : {};
    if (block.kind === 'paragraph') return withContent({ type: 'paragraph', attrs }, inlineNodes(block.content));
    if (block.kind === 'heading') return withContent({ type: 'heading', attrs: { ...attrs, level: block.level } }, inlineNodes(block.content));
    return {
      type: block.ordered ? 'orderedList' : 'bulletList',
      attrs,
      content: block.items.map((item) => ({ type: 'listItem', content: fromRichText(item) })),
    };
  });
}

const markTags: Record<Exclude<RichMark['type'], 'link' | 'language'>, string> = { bold: 'strong', italic: 'em', subscript: 'sub', superscript: 'sup' };

/** Inline runs as markup; a link whose target is unsafe keeps its text and loses the link. */
export function inlineSpecs(inlines: readonly Inline[]): HtmlSpec[] {
  return inlines.map((inline) => {
    if ('hardBreak' in inline) return ['br'] as const;
    let spec: HtmlSpec = inline.text;
    for (const mark of inline.marks ?? []) {
      if (mark.type === 'link') {
        const href = safeHref(mark.href);
        if (href) spec = ['a', { href }, spec];
      } else if (mark.type === 'language') {
        spec = ['span', { lang: mark.lang }, spec];
      } else {
        spec = [markTags[mark.type], spec];
      }
    }
    return spec;
  });
}

/** Rich text as markup, each block tagged with its id for comments and checks. */
export function richTextSpecs(blocks: readonly RichBlock[]): HtmlSpec[] {
  return blocks.map((block): HtmlSpec => {
    const attrs = { 'data-block-id': block.id };
    if (block.kind === 'paragraph') return ['p', attrs, ...inlineSpecs(block.content)];
    if (block.kind === 'heading') return [`h${Math.min(6, Math.max(2, block.level))}`, attrs, ...inlineSpecs(block.content)];
    return [block.ordered ? 'ol' : 'ul', attrs, ...block.items.map((item): HtmlSpec => ['li', ...richTextSpecs(item)])];
  });
}
