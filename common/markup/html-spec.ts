import { attributes, escapeHtml } from './html.js';

/**
 * Markup as data: the shape of ProseMirror's DOMOutputSpec. A block describes its portal
 * markup once as a spec; TipTap's renderHTML uses it in the editor and `specToHtml`
 * serialises it for the portal, without a DOM. `0` marks where editable content goes.
 */
export type HtmlAttributes = Record<string, string | undefined>;
export type HtmlSpec = string | 0 | readonly [string, ...(HtmlAttributes | HtmlSpec)[]];

const voidElements = new Set(['br', 'img', 'hr', 'source', 'track', 'input', 'col', 'wbr']);

function isAttributes(value: unknown): value is HtmlAttributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Serialises a spec; `hole` fills the content hole (0). Text is escaped, attributes too. */
export function specToHtml(spec: HtmlSpec, hole = ''): string {
  if (spec === 0) return hole;
  if (typeof spec === 'string') return escapeHtml(spec);
  const [tag, ...rest] = spec;
  const first = rest[0];
  const attrs = isAttributes(first) ? first : undefined;
  const children = (attrs ? rest.slice(1) : rest) as HtmlSpec[];
  const open = `<${tag}${attrs ? attributes(attrs) : ''}>`;
  if (voidElements.has(tag)) return open;
  return `${open}${children.map((child) => specToHtml(child, hole)).join('')}</${tag}>`;
}

/** A fragment of several specs as one (wrapped in nothing). */
export function fragmentToHtml(specs: readonly HtmlSpec[], hole = ''): string {
  return specs.map((spec) => specToHtml(spec, hole)).join('');
}
