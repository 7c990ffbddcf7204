import type { DocumentNode } from '../article.js';

/** What the rules look at, read from the document model (never the DOM). */

export interface ImageFacts {
  alt: string;
  decorative: boolean;
  caption: string;
  credit: string;
  name: string;
  /** Where the image sits in the block's attributes, for the fix. */
  path: Array<string | number>;
}

export interface LinkFacts {
  text: string;
  href: string;
  download: boolean;
  /** Whether the text is in the block's text (a link mark) rather than in a field. */
  inText: boolean;
}

export interface HeadingFacts {
  level: number;
  text: string;
}

/** The plain text of a node and all its descendants. */
export function textOf(node: DocumentNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join(node.type === 'doc' ? '\n' : '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every image object (`media`, `alt`, `decorative` …) in a block's attributes, however nested. */
export function imagesOf(node: DocumentNode): ImageFacts[] {
  const images: ImageFacts[] = [];
  const walk = (value: unknown, path: Array<string | number>) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (isRecord(value)) {
      if ('alt' in value && 'media' in value) {
        if (value.media) {
          const media = isRecord(value.media) ? value.media : {};
          images.push({
            alt: String(value.alt ?? ''),
            decorative: value.decorative === true,
            caption: String(value.caption ?? ''),
            credit: String(value.credit ?? ''),
            name: String(media.name ?? ''),
            path,
          });
        }
        return;
      }
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    }
  };
  walk(node.attrs ?? {}, []);
  return images;
}

/** Links in the text (link marks) and in blocks' link fields (teasers, link lists). */
export function linksOf(node: DocumentNode): LinkFacts[] {
  const links: LinkFacts[] = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'text') {
      const mark = current.marks?.find((candidate) => candidate.type === 'link');
      if (mark) links.push({ text: current.text ?? '', href: String(mark.attrs?.href ?? ''), download: false, inText: true });
    }
    for (const child of current.content ?? []) walk(child);
  };
  walk(node);
  // Neighbouring text nodes of the same link (bold inside a link) are one link.
  const merged: LinkFacts[] = [];
  for (const link of links) {
    const last = merged.at(-1);
    if (last && last.href === link.href && !last.download) last.text += link.text;
    else merged.push({ ...link });
  }
  const attrs = node.attrs ?? {};
  if (node.type === 'teasers' && Array.isArray(attrs.items)) {
    for (const item of attrs.items) if (isRecord(item) && item.href) merged.push({ text: String(item.linkText ?? ''), href: String(item.href), download: false, inText: false });
  }
  if (node.type === 'linkList' && Array.isArray(attrs.links)) {
    for (const item of attrs.links) {
      if (!isRecord(item)) continue;
      const download = isRecord(item.download);
      if (item.href || download) merged.push({ text: String(item.title ?? ''), href: download ? `media:${String((item.download as Record<string, unknown>).name ?? '')}` : String(item.href), download, inText: false });
    }
  }
  return merged;
}

/** Headings anywhere in a block (the heading block, and headings inside columns or accordions). */
export function headingsOf(node: DocumentNode): HeadingFacts[] {
  const headings: HeadingFacts[] = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'heading') headings.push({ level: Number(current.attrs?.level ?? 2), text: textOf(current).trim() });
    for (const child of current.content ?? []) walk(child);
  };
  walk(node);
  return headings;
}

export function paragraphsOf(node: DocumentNode): DocumentNode[] {
  const paragraphs: DocumentNode[] = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'paragraph') paragraphs.push(current);
    else for (const child of current.content ?? []) walk(child);
  };
  walk(node);
  return paragraphs;
}

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[„"»A-ZÄÖÜ])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function blockIdOf(node: DocumentNode): string | null {
  return typeof node.attrs?.id === 'string' ? node.attrs.id : null;
}

/** A copy of attributes with one value, however nested, replaced (for fixes). */
export function setIn(value: Record<string, unknown>, path: Array<string | number>, next: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : { ...value };
  const inner = (copy as Record<string | number, unknown>)[head];
  (copy as Record<string | number, unknown>)[head] = rest.length === 0 ? next : setIn(inner as Record<string, unknown>, rest, next);
  return copy as Record<string, unknown>;
}

const knownAcronyms = new Set(['EU', 'USA', 'UN', 'DDR', 'BRD', 'CDU', 'SPD', 'FDP', 'AfD', 'ARD', 'ZDF', 'MDR', 'GmbH', 'OK', 'PDF', 'IT', 'TV']);

/** What the rules across blocks need of one block. */
export interface BlockFacts {
  readonly headings: readonly HeadingFacts[];
  readonly links: readonly LinkFacts[];
  /** Each acronym's first use in the block, and whether it is explained there. */
  readonly acronyms: ReadonlyArray<{ acronym: string; explained: boolean }>;
}

const noFacts: BlockFacts = Object.freeze({ headings: Object.freeze([]), links: Object.freeze([]), acronyms: Object.freeze([]) });

export function factsOf(node: DocumentNode): BlockFacts {
  const text = textOf(node);
  const acronyms: Array<{ acronym: string; explained: boolean }> = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/\b\p{Lu}{2,6}\b/gu)) {
    const acronym = match[0];
    if (seen.has(acronym) || knownAcronyms.has(acronym)) continue;
    seen.add(acronym);
    const index = match.index;
    acronyms.push({ acronym, explained: text[index - 1] === '(' || text.slice(index + acronym.length, index + acronym.length + 2) === ' (' });
  }
  const headings = headingsOf(node);
  const links = linksOf(node);
  // Most blocks have none of these: they share one empty record (held per block, thousands of them).
  return headings.length + links.length + acronyms.length === 0 ? noFacts : { headings, links, acronyms };
}
