import type { Article, DocumentNode } from '../article.js';
import { berlinToInstant } from '../berlin-time.js';
import { blockOfNode } from '../blocks/catalog.js';
import { contrastRatio } from '../contrast.js';
import { formatMessage, type MessageKey, type MessageParams } from '../messages/index.js';

/**
 * Pre-flight and accessibility checks on the document model (never the DOM), like a spell
 * checker: each finding names its rule, severity, block, WCAG success criterion where one
 * applies, and a one-click fix where one is possible. The same rules run in the editor, in
 * `npm run check` and in the reference portal's gate.
 */

export const severities = ['error', 'warning', 'hint'] as const;
export type Severity = (typeof severities)[number];

/** A one-click fix: a new version of the top-level block the finding points to. */
export interface Fix {
  label: string;
  apply(block: DocumentNode): DocumentNode;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The top-level block it points to; null for the release's metadata. */
  blockId: string | null;
  wcag?: string;
  fix?: Fix;
  /**
   * The words in the block the finding is about (a link's text, a sentence, an acronym), so the
   * editor can mark them like a misspelt word; `href` narrows it to text linked there. Without it,
   * or where the words are not in the block's text (a teaser's link field), the whole block is meant.
   */
  excerpt?: { text: string; href?: string };
}

/** What the portal allows, where known (the app caches the profile; the CLI may pass one). */
export interface CheckProfile {
  elementTypes: ReadonlyArray<{ name: string; renderable: boolean }>;
  limits: { leadLength: number };
}

export interface CheckOptions {
  profile?: CheckProfile | null;
  /** For the embargo: it must lie in the future. */
  now?: Date;
  /** Text colour and background per box variant, from the portal stylesheet. */
  boxColours?: Readonly<Record<string, { color: string; background: string }>>;
}

/** The box variants' colours in `common/rendering/portal.css` (a test keeps them in step). */
export const portalBoxColours: Readonly<Record<string, { color: string; background: string }>> = {
  blue: { color: '#ffffff', background: '#004a8f' },
  lightblue: { color: '#004a8f', background: '#e5eef7' },
  black: { color: '#ffffff', background: '#1b1b1b' },
  gray: { color: '#4a4a4a', background: '#ededed' },
};

const message = (key: MessageKey, params?: MessageParams) => formatMessage(key, params);

// --- walking the document ---

interface Image {
  alt: string;
  decorative: boolean;
  caption: string;
  credit: string;
  name: string;
  /** Where the image sits in the block's attributes, for the fix. */
  path: Array<string | number>;
}

interface Link {
  text: string;
  href: string;
  download: boolean;
  /** Whether the text is in the block's text (a link mark) rather than in a field. */
  inText: boolean;
}

/** The plain text of a node and all its descendants. */
function textOf(node: DocumentNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join(node.type === 'doc' ? '\n' : '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every image object (`media`, `alt`, `decorative` …) in a block's attributes, however nested. */
function imagesOf(node: DocumentNode): Image[] {
  const images: Image[] = [];
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
function linksOf(node: DocumentNode): Link[] {
  const links: Link[] = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'text') {
      const mark = current.marks?.find((candidate) => candidate.type === 'link');
      if (mark) links.push({ text: current.text ?? '', href: String(mark.attrs?.href ?? ''), download: false, inText: true });
    }
    for (const child of current.content ?? []) walk(child);
  };
  walk(node);
  // Neighbouring text nodes of the same link (bold inside a link) are one link.
  const merged: Link[] = [];
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
function headingsOf(node: DocumentNode): Array<{ level: number; text: string }> {
  const headings: Array<{ level: number; text: string }> = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'heading') headings.push({ level: Number(current.attrs?.level ?? 2), text: textOf(current).trim() });
    for (const child of current.content ?? []) walk(child);
  };
  walk(node);
  return headings;
}

function paragraphsOf(node: DocumentNode): DocumentNode[] {
  const paragraphs: DocumentNode[] = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'paragraph') paragraphs.push(current);
    else for (const child of current.content ?? []) walk(child);
  };
  walk(node);
  return paragraphs;
}

function blockIdOf(node: DocumentNode): string | null {
  return typeof node.attrs?.id === 'string' ? node.attrs.id : null;
}

function blockLabel(node: DocumentNode): string {
  const block = blockOfNode(node.type);
  return block ? formatMessage(block.label) : node.type;
}

/** Where a link's words are: in the text under its link mark; a link field has none (the block is meant). */
function linkExcerpt(link: Link): Finding['excerpt'] {
  return link.inText && link.text.trim() !== '' ? { text: link.text, href: link.href } : undefined;
}

// --- the words the rules look for ---

const altPlaceholders = ['alternativer text', 'alternativtext', 'alt-text', 'alttext', 'bild', 'foto', 'grafik', 'platzhalter', 'image', 'photo', 'picture', 'img', 'abbildung'];
const altPrefixes = /^(bild von|bild:|foto:|foto von|grafik|abbildung)\s*:?\s*/i;
const genericLinkTexts = new Set([
  '',
  'mehr',
  'weiter',
  'weiterlesen',
  'hier',
  'klicken',
  'hier klicken',
  'link',
  'details',
  'info',
  'infos',
  'mehr erfahren',
  'mehr dazu',
  'mehr lesen',
  'zum artikel',
  'download',
  'herunterladen',
]);
const fileLink = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip)([?#]|$)/i;
const englishWords = new Set(['the', 'and', 'is', 'are', 'of', 'to', 'we', 'that', 'with', 'for', 'this', 'be', 'not', 'you', 'will', 'it', 'have', 'our', 'on', 'at', 'must', 'can']);
const germanWords = new Set(['der', 'die', 'das', 'und', 'ist', 'sind', 'nicht', 'mit', 'für', 'wir', 'ein', 'eine', 'auf', 'zu', 'von', 'den', 'dem', 'es', 'sich', 'auch', 'wird', 'im']);
const knownAcronyms = new Set(['EU', 'USA', 'UN', 'DDR', 'BRD', 'CDU', 'SPD', 'FDP', 'AfD', 'ARD', 'ZDF', 'MDR', 'GmbH', 'OK', 'PDF', 'IT', 'TV']);

/** Link text with symbols and filler removed, lower case: "Weiter ..." → "weiter", "»" → "". */
export function normaliseLinkText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.…»«>›‹<→\-–—:!?()[\]|/*•]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[„"»A-ZÄÖÜ])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
}

// --- the rules ---

function findingsOfBlock(node: DocumentNode, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const blockId = blockIdOf(node);
  const add = (ruleId: string, severity: Severity, key: MessageKey, params: MessageParams = {}, extra: Partial<Finding> = {}) =>
    findings.push({ ruleId, severity, message: message(key, { block: blockLabel(node), ...params }), blockId, ...extra });

  // Pre-flight: the portal can render the block.
  const block = blockOfNode(node.type);
  const profile = options.profile;
  if (block && profile) {
    const type = profile.elementTypes.find((candidate) => candidate.name === block.elementType);
    if (!type || !type.renderable) add('preflight.renderable', 'error', 'check.renderable', { type: block.elementType });
  }

  // Images.
  for (const image of imagesOf(node)) {
    const alt = image.alt.trim();
    const setAlt = (value: string): Fix['apply'] => (target) => ({ ...target, attrs: setIn(target.attrs ?? {}, [...image.path, 'alt'], value) });
    if (!image.decorative && alt === '') add('a11y.altMissing', 'error', 'check.altMissing', { name: image.name }, { wcag: '1.1.1' });
    else if (!image.decorative) {
      const lower = alt.toLowerCase().replace(/[.:]+$/, '');
      if (altPlaceholders.includes(lower) || /\.(jpe?g|png|gif|webp|svg|tiff?)$/i.test(alt) || /^\d+\s*[x×]\s*\d+(\s*px)?$/i.test(alt) || /^(https?:\/\/|www\.)/i.test(alt)) {
        add('a11y.altPlaceholder', 'error', 'check.altPlaceholder', { alt }, { wcag: '1.1.1' });
      } else if (altPrefixes.test(alt)) {
        const stripped = alt.replace(altPrefixes, '');
        add('a11y.altPrefix', 'warning', 'check.altPrefix', { alt }, {
          wcag: '1.1.1',
          fix: { label: message('check.fixAltPrefix', { alt: stripped }), apply: setAlt(stripped.charAt(0).toUpperCase() + stripped.slice(1)) },
        });
      }
      if (alt.length > 150) add('a11y.altTooLong', 'warning', 'check.altTooLong', { length: alt.length }, { wcag: '1.1.1' });
      if (image.caption.trim() !== '' && image.caption.trim().toLowerCase() === alt.toLowerCase()) add('a11y.altEqualsCaption', 'warning', 'check.altEqualsCaption', {}, { wcag: '1.1.1' });
    }
    if (image.credit.trim() === '') add('preflight.imageCredit', 'warning', 'check.imageCredit', { name: image.name });
  }

  // Links.
  for (const link of linksOf(node)) {
    const normalised = normaliseLinkText(link.text);
    const excerpt = linkExcerpt(link);
    if (genericLinkTexts.has(normalised)) add('a11y.linkGeneric', 'error', 'check.linkGeneric', { text: link.text.trim() || '…' }, { wcag: '2.4.4', excerpt });
    else if (/^(https?:\/\/|www\.)\S+$/i.test(link.text.trim())) add('a11y.linkRawUrl', 'warning', 'check.linkRawUrl', { text: link.text.trim() }, { wcag: '2.4.4', excerpt });
    if (!link.download && fileLink.test(link.href) && !/\b(pdf|docx?|xlsx?|pptx?|odt|ods|zip)\b/i.test(link.text)) {
      add('a11y.downloadInfo', 'warning', 'check.downloadInfo', { text: link.text.trim() }, { wcag: '2.4.4', excerpt });
    }
  }

  // Headings.
  for (const heading of headingsOf(node)) {
    if (heading.level === 1) add('a11y.headingH1', 'error', 'check.headingH1', {}, { wcag: '1.3.1' });
    if (heading.text === '') add('a11y.headingEmpty', 'error', 'check.headingEmpty', {}, { wcag: '1.3.1' });
    else if (heading.text.length > 170) add('a11y.headingTooLong', 'warning', 'check.headingTooLong', { length: heading.text.length }, { wcag: '2.4.6' });
  }

  // Paragraphs: fake headings, fake lists, capitals, language, long sentences.
  for (const paragraph of paragraphsOf(node)) {
    const text = textOf(paragraph);
    const trimmed = text.trim();
    const texts = (paragraph.content ?? []).filter((child) => child.type === 'text');
    if (
      node.type === 'paragraph' &&
      trimmed.length > 0 &&
      trimmed.length <= 80 &&
      !/[.!?:;,]$/.test(trimmed) &&
      texts.length > 0 &&
      texts.every((child) => child.marks?.some((mark) => mark.type === 'bold'))
    ) {
      add('a11y.fakeHeading', 'warning', 'check.fakeHeading', { text: trimmed }, {
        wcag: '1.3.1',
        excerpt: { text: trimmed },
        fix: { label: message('check.fixFakeHeading'), apply: (target) => ({ type: 'heading', attrs: { id: blockIdOf(target), level: 2 }, content: [{ type: 'text', text: textOf(target).trim() }] }) },
      });
    }
    const listMatch = /^\s*([-*•]|\d+[.)])\s+/.exec(text);
    if (node.type === 'paragraph' && listMatch) {
      const ordered = /\d/.test(listMatch[1]!);
      add('a11y.fakeList', 'warning', 'check.fakeList', {}, {
        wcag: '1.3.1',
        fix: {
          label: message(ordered ? 'check.fixFakeListOrdered' : 'check.fixFakeList'),
          apply: (target) => ({
            type: ordered ? 'orderedList' : 'bulletList',
            attrs: { id: blockIdOf(target) },
            content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: textOf(target).replace(/^\s*([-*•]|\d+[.)])\s+/, '') }] }] }],
          }),
        },
      });
    }
    const caps = /(?:\p{Lu}[\s-]?){11,}/u.exec(text);
    if (caps && (caps[0].match(/\p{Lu}/gu) ?? []).length > 10) add('a11y.capitals', 'warning', 'check.capitals', { text: caps[0].trim() }, { excerpt: { text: caps[0].trim() } });
    const hasLangMark = texts.some((child) => child.marks?.some((mark) => mark.type === 'language'));
    for (const sentence of sentencesOf(text)) {
      const list = words(sentence);
      if (!hasLangMark && list.length >= 5) {
        const english = list.filter((word) => englishWords.has(word)).length;
        const german = list.filter((word) => germanWords.has(word)).length;
        if (english >= 2 && english / list.length >= 0.2 && german === 0) {
          // A paragraph that is this one sentence is marked in one click; otherwise select the passage.
          const whole = node.type === 'paragraph' && sentencesOf(text).length === 1;
          add('a11y.language', 'warning', 'check.language', { text: sentence.slice(0, 60) }, {
            wcag: '3.1.2',
            excerpt: { text: sentence },
            ...(whole
              ? {
                  fix: {
                    label: message('check.fixLanguage'),
                    apply: (target: DocumentNode): DocumentNode => ({
                      ...target,
                      content: (target.content ?? []).map((child) =>
                        child.type === 'text' ? { ...child, marks: [...(child.marks ?? []).filter((mark) => mark.type !== 'language'), { type: 'language', attrs: { lang: 'en' } }] } : child,
                      ),
                    }),
                  },
                }
              : {}),
          });
        }
      }
      if (list.length > 25) add('read.longSentence', 'hint', 'check.longSentence', { count: list.length, text: sentence.slice(0, 60) }, { excerpt: { text: sentence } });
    }
  }

  // Blocks of their own kind.
  const attrs = node.attrs ?? {};
  if (node.type === 'quote') {
    const quote = textOf(node).trim();
    if (words(quote).length > 0 && words(quote).length <= 5 && String(attrs.speaker ?? '').trim() === '') add('a11y.quoteAsHeading', 'warning', 'check.quoteAsHeading', {}, { wcag: '1.3.1' });
  }
  if (node.type === 'table') {
    const rows = (node.content ?? []).filter((row) => row.type === 'tableRow');
    const firstRow = rows[0]?.content ?? [];
    const headerRow = firstRow.length > 0 && firstRow.every((cell) => cell.type === 'tableHeader');
    const headerColumn = rows.length > 0 && rows.every((row) => row.content?.[0]?.type === 'tableHeader');
    if (!headerRow && !headerColumn) add('a11y.tableHeader', 'error', 'check.tableHeader', {}, { wcag: '1.3.1' });
    const emptyHeaders = rows.flatMap((row) => row.content ?? []).filter((cell) => cell.type === 'tableHeader' && textOf(cell).trim() === '');
    if (emptyHeaders.length > 0) add('a11y.tableEmptyHeader', 'warning', 'check.tableEmptyHeader', { count: emptyHeaders.length }, { wcag: '1.3.1' });
    if (String(attrs.caption ?? '').trim() === '') add('a11y.tableCaption', 'warning', 'check.tableCaption', {}, { wcag: '1.3.1' });
  }
  if (node.type === 'video') {
    if (!attrs.captions) add('a11y.videoCaptions', 'error', 'check.videoCaptions', {}, { wcag: '1.2.2' });
    if (attrs.url && String(attrs.title ?? '').trim() === '') add('a11y.embedTitle', 'error', 'check.embedTitle', {}, { wcag: '4.1.2' });
  }
  if (node.type === 'box') {
    const colours = (options.boxColours ?? portalBoxColours)[String(attrs.variant ?? 'blue')];
    if (colours) {
      const ratio = contrastRatio(colours.color, colours.background);
      if (ratio < 4.5) add('a11y.contrast', 'error', 'check.contrast', { ratio: ratio.toFixed(1).replace('.', ',') }, { wcag: '1.4.3' });
    }
  }
  return findings;
}

interface BlockFacts {
  headings: Array<{ level: number; text: string }>;
  links: Link[];
  /** Each acronym's first use in the block, and whether it is explained there. */
  acronyms: Array<{ acronym: string; explained: boolean }>;
}

/** Per block JSON object: the editor reuses the JSON of unchanged blocks, so these are computed once. */
const factsCache = new WeakMap<DocumentNode, BlockFacts>();

function factsOf(node: DocumentNode): BlockFacts {
  const cached = factsCache.get(node);
  if (cached) return cached;
  const text = textOf(node);
  const acronyms: BlockFacts['acronyms'] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/\b\p{Lu}{2,6}\b/gu)) {
    const acronym = match[0];
    if (seen.has(acronym) || knownAcronyms.has(acronym)) continue;
    seen.add(acronym);
    const index = match.index;
    acronyms.push({ acronym, explained: text[index - 1] === '(' || text.slice(index + acronym.length, index + acronym.length + 2) === ' (' });
  }
  const facts = { headings: headingsOf(node), links: linksOf(node), acronyms };
  factsCache.set(node, facts);
  return facts;
}

/** Findings that need the whole release: metadata, heading order, links across blocks, acronyms. */
function findingsOfDocument(article: Article, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (ruleId: string, severity: Severity, key: MessageKey, blockId: string | null, params: MessageParams = {}, extra: Partial<Finding> = {}) =>
    findings.push({ ruleId, severity, message: message(key, params), blockId, ...extra });
  const { meta } = article;
  if (meta.title.trim() === '') add('preflight.title', 'error', 'check.title', null);
  if (meta.lead.trim() === '') add('preflight.lead', 'error', 'check.lead', null);
  if (meta.ministry.trim() === '') add('preflight.ministry', 'error', 'check.ministry', null);
  if (meta.date === '') add('preflight.date', 'error', 'check.date', null);
  if (options.profile && meta.lead.length > options.profile.limits.leadLength) {
    add('preflight.leadLength', 'error', 'check.leadLength', null, { length: meta.lead.length, limit: options.profile.limits.leadLength });
  }
  if (meta.embargo && berlinToInstant(meta.embargo).getTime() <= (options.now ?? new Date()).getTime()) add('preflight.embargoPast', 'error', 'check.embargoPast', null);
  if (meta.teaserImage?.media) {
    const fake: DocumentNode = { type: 'teaserImage', attrs: { image: meta.teaserImage } };
    for (const finding of findingsOfBlock(fake, { ...options, profile: null })) findings.push({ ...finding, blockId: null, fix: undefined, message: finding.message });
  }

  // Heading order: the title is the H1; each heading at most one level below the one before.
  let previous = 1;
  const linkTargets = new Map<string, { href: string; blockId: string | null }>();
  const seenAcronyms = new Set<string>();
  for (const node of article.body.content) {
    const blockId = blockIdOf(node);
    const facts = factsOf(node);
    for (const heading of facts.headings) {
      if (heading.level > previous + 1) add('a11y.headingSkip', 'warning', 'check.headingSkip', blockId, { from: previous, to: heading.level }, { wcag: '1.3.1' });
      previous = heading.level;
    }
    for (const link of facts.links) {
      const key = normaliseLinkText(link.text);
      if (key === '' || genericLinkTexts.has(key)) continue;
      const earlier = linkTargets.get(key);
      if (earlier && earlier.href !== link.href) add('a11y.linkSameText', 'warning', 'check.linkSameText', blockId, { text: link.text.trim() }, { wcag: '2.4.4', excerpt: linkExcerpt(link) });
      else if (!earlier) linkTargets.set(key, { href: link.href, blockId });
    }
    for (const { acronym, explained } of facts.acronyms) {
      if (seenAcronyms.has(acronym)) continue;
      seenAcronyms.add(acronym);
      if (!explained) add('read.acronym', 'hint', 'check.acronym', blockId, { acronym }, { excerpt: { text: acronym } });
    }
  }
  return findings;
}

/**
 * Checks a whole release. `perBlock` lets the editor reuse the findings of blocks that did not
 * change (ProseMirror keeps unchanged nodes, so their JSON can be cached by node).
 */
export function checkArticle(article: Article, options: CheckOptions = {}, perBlock: (node: DocumentNode) => Finding[] = (node) => findingsOfBlock(node, options)): Finding[] {
  const findings = findingsOfDocument(article, options);
  for (const node of article.body.content) findings.push(...perBlock(node));
  return sortFindings(findings);
}

export { findingsOfBlock };

/**
 * A checker for the editor: the findings of a block are kept per block JSON object, so after an
 * edit only the changed block is checked again, and the whole-release rules read cached facts.
 */
export function createChecker(options: CheckOptions = {}): (article: Article) => Finding[] {
  const cache = new WeakMap<DocumentNode, Finding[]>();
  return (article) =>
    checkArticle(article, options, (node) => {
      let findings = cache.get(node);
      if (!findings) {
        findings = findingsOfBlock(node, options);
        cache.set(node, findings);
      }
      return findings;
    });
}

const rank: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function setIn(value: Record<string, unknown>, path: Array<string | number>, next: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : { ...value };
  const inner = (copy as Record<string | number, unknown>)[head];
  (copy as Record<string | number, unknown>)[head] = rest.length === 0 ? next : setIn(inner as Record<string, unknown>, rest, next);
  return copy as Record<string, unknown>;
}
