import type { Article, DocumentNode } from './article.js';
import { foldGerman } from './german-folding.js';

/** The attributes whose text people search for: captions, names, headlines, link texts, transcripts. */
const searchableAttributes = new Set(['speaker', 'role', 'header', 'caption', 'credit', 'alt', 'title', 'text', 'headline', 'linkText', 'transcript']);

function collect(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string' && searchableAttributes.has(key) && inner.trim() !== '') into.push(inner);
    else if (typeof inner === 'object') collect(inner, into);
  }
}

function bodyText(nodes: readonly DocumentNode[], into: string[]): void {
  for (const node of nodes) {
    if (node.text) into.push(node.text);
    if (node.attrs) collect(node.attrs, into);
    if (node.content) {
      const before = into.length;
      bodyText(node.content, into);
      // Blocks end with a line break so words of neighbouring blocks never run together.
      if (into.length > before && node.type !== 'text') into.push('\n');
    }
  }
}

/** Everything a person may search a release for: title, lead, body text, captions and topics. */
export function searchableText(article: Article): string {
  const parts: string[] = [article.meta.title, '\n', article.meta.lead, '\n'];
  bodyText(article.body.content, parts);
  parts.push('\n', article.meta.topics.join(', '));
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
}

/** The words of a query, folded; the search finds releases containing all of them. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldGerman(query).folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, 12);
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** A passage of the original text around the first match, with every match of the terms marked. */
export function snippet(text: string, terms: readonly string[], radius = 80): SnippetPart[] {
  const { folded, map } = foldGerman(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      ranges.push([map[at]!, map[at + term.length - 1]! + 1]);
    }
  }
  if (ranges.length === 0) return [{ text: text.slice(0, radius * 2), match: false }];
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]![0];
  let start = Math.max(0, first - radius);
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = Math.min(text.length, first + radius * 2);
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const [from, to] of ranges) {
    if (to <= cursor || from >= end) continue;
    if (from > cursor) parts.push({ text: text.slice(cursor, from), match: false });
    parts.push({ text: text.slice(Math.max(from, cursor), Math.min(to, end)), match: true });
    cursor = Math.min(to, end);
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts.map((part) => ({ ...part, text: part.text.replace(/\n/g, ' ') }));
}
