import { mergeAttributes, Node } from '@tiptap/core';
import type { Attribute } from '@tiptap/core';

/** A node attribute kept in the document JSON only (its markup comes from the block's render). */
export function plainAttribute(defaultValue: unknown): Attribute {
  return { default: defaultValue, rendered: false };
}

/** Node JSON from a ProseMirror node, for the block's toFields in renderHTML. */
export function nodeJson(node: { toJSON(): unknown }) {
  return node.toJSON() as import('../article.js').DocumentNode;
}

export const richContent = '(paragraph | heading | bulletList | orderedList)+';

/**
 * TipTap's renderHTML for a block: the block's own markup (with the content hole), the editor's
 * attributes merged into its outer element.
 */
export function editorMarkup(
  spec: import('../markup/html-spec.js').HtmlSpec,
  HTMLAttributes: Record<string, unknown>,
  extra: Record<string, string> = {},
): never {
  if (typeof spec === 'string' || spec === 0) return ['div', HTMLAttributes, spec] as never;
  const [tag, maybeAttrs, ...rest] = spec;
  const hasAttrs = typeof maybeAttrs === 'object' && maybeAttrs !== null && !Array.isArray(maybeAttrs);
  const attrs = hasAttrs ? (maybeAttrs as Record<string, string>) : {};
  const children = hasAttrs ? rest : [maybeAttrs, ...rest].filter((child) => child !== undefined);
  return [tag, mergeAttributes(HTMLAttributes, attrs, extra), ...children] as never;
}

/**
 * The node of a block whose content lives in attributes (gallery, slider, teasers, link list,
 * video): one selectable unit in the editor, edited in the side panel, shown in the portal's look.
 */
export function atomBlockNode(options: {
  name: string;
  defaults: Record<string, unknown>;
  selector: string;
  readAttributes: (element: HTMLElement) => Record<string, unknown>;
  render: (node: import('../article.js').DocumentNode) => import('../markup/html-spec.js').HtmlSpec;
}) {
  return Node.create({
    name: options.name,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes: () => Object.fromEntries(Object.entries(options.defaults).map(([name, value]) => [name, plainAttribute(value)])),
    parseHTML: () => [{ tag: options.selector, getAttrs: (element) => options.readAttributes(element) }],
    renderHTML: ({ node, HTMLAttributes }) => editorMarkup(options.render(nodeJson(node)), HTMLAttributes, { contenteditable: 'false' }),
  });
}
