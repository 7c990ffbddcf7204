import type { LinkFacts } from './document.js';
import type { Finding, Rule, SequenceRule } from './rule.js';

/** Link texts say where a link goes (WCAG 2.4.4), in the text and in blocks' link fields. */

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

/** Link text with symbols and filler removed, lower case: "Weiter ..." → "weiter", "»" → "". */
export function normaliseLinkText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.…»«>›‹<→\-–—:!?()[\]|/*•]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where a link's words are: in the text under its link mark; a link field has none (the block is meant). */
function linkExcerpt(link: LinkFacts): Finding['excerpt'] {
  return link.inText && link.text.trim() !== '' ? { text: link.text, href: link.href } : undefined;
}

function isGeneric(link: LinkFacts): boolean {
  return genericLinkTexts.has(normaliseLinkText(link.text));
}

export const linkRules: readonly Rule<LinkFacts>[] = [
  { id: 'a11y.linkGeneric', severity: 'error', wcag: '2.4.4', run: (link) => (isGeneric(link) ? { params: { text: link.text.trim() || '…' }, excerpt: linkExcerpt(link) } : null) },
  {
    id: 'a11y.linkRawUrl',
    severity: 'warning',
    wcag: '2.4.4',
    run: (link) => (!isGeneric(link) && /^(https?:\/\/|www\.)\S+$/i.test(link.text.trim()) ? { params: { text: link.text.trim() }, excerpt: linkExcerpt(link) } : null),
  },
  {
    id: 'a11y.downloadInfo',
    severity: 'warning',
    wcag: '2.4.4',
    run: (link) =>
      !link.download && fileLink.test(link.href) && !/\b(pdf|docx?|xlsx?|pptx?|odt|ods|zip)\b/i.test(link.text) ? { params: { text: link.text.trim() }, excerpt: linkExcerpt(link) } : null,
  },
];

/** The same words leading to different places, anywhere in the release: the first target counts. */
export const linkSameText: SequenceRule<Map<string, string>> = {
  id: 'a11y.linkSameText',
  severity: 'warning',
  wcag: '2.4.4',
  start: () => new Map(),
  run: ({ links }, targets) =>
    links.flatMap((link) => {
      const key = normaliseLinkText(link.text);
      if (key === '' || genericLinkTexts.has(key)) return [];
      const earlier = targets.get(key);
      if (earlier === undefined) targets.set(key, link.href);
      return earlier !== undefined && earlier !== link.href ? [{ params: { text: link.text.trim() }, excerpt: linkExcerpt(link) }] : [];
    }),
};
