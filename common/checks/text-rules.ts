import type { DocumentNode } from '../article.js';
import { typedListMarker } from '../markup/list-markers.js';
import { formatMessage } from '../messages/index.js';
import { blockIdOf, textOf } from './document.js';
import type { ParagraphSubject, Rule, SentenceSubject, SequenceRule } from './rule.js';

/** The running text: structure in disguise (bold lines, typed bullets), capitals, language, readability. */

const englishWords = new Set(['the', 'and', 'is', 'are', 'of', 'to', 'we', 'that', 'with', 'for', 'this', 'be', 'not', 'you', 'will', 'it', 'have', 'our', 'on', 'at', 'must', 'can']);
const germanWords = new Set(['der', 'die', 'das', 'und', 'ist', 'sind', 'nicht', 'mit', 'für', 'wir', 'ein', 'eine', 'auf', 'zu', 'von', 'den', 'dem', 'es', 'sich', 'auch', 'wird', 'im']);

/** A paragraph with a typed marker as a list item: the marker goes, bold, links and the like stay. */
function listItemOf(paragraph: DocumentNode): DocumentNode {
  const [first, ...rest] = paragraph.content ?? [];
  const marker = typedListMarker(textOf(paragraph));
  const cut = marker ? textOf(paragraph).length - marker.rest.length : 0;
  const head = first?.type === 'text' && cut > 0 && cut <= (first.text ?? '').length ? [{ ...first, text: first.text!.slice(cut) }].filter((node) => node.text !== '') : first ? [first] : [];
  return { type: 'listItem', content: [{ type: 'paragraph', content: [...head, ...rest] }] };
}

function textRuns(paragraph: DocumentNode): DocumentNode[] {
  return (paragraph.content ?? []).filter((child) => child.type === 'text');
}

function markEnglish(target: DocumentNode): DocumentNode {
  return {
    ...target,
    content: (target.content ?? []).map((child) =>
      child.type === 'text' ? { ...child, marks: [...(child.marks ?? []).filter((mark) => mark.type !== 'language'), { type: 'language', attrs: { lang: 'en' } }] } : child,
    ),
  };
}

export const paragraphRules: readonly Rule<ParagraphSubject>[] = [
  {
    id: 'a11y.fakeHeading',
    severity: 'warning',
    wcag: '1.3.1',
    run: ({ paragraph, text, isBlock }) => {
      const trimmed = text.trim();
      const runs = textRuns(paragraph);
      const allBold = runs.length > 0 && runs.every((child) => child.marks?.some((mark) => mark.type === 'bold'));
      if (!isBlock || trimmed.length === 0 || trimmed.length > 80 || /[.!?:;,]$/.test(trimmed) || !allBold) return null;
      return {
        params: { text: trimmed },
        excerpt: { text: trimmed },
        fix: { label: formatMessage('check.fixFakeHeading'), apply: (target) => ({ type: 'heading', attrs: { id: blockIdOf(target), level: 2 }, content: [{ type: 'text', text: textOf(target).trim() }] }) },
      };
    },
  },
  {
    id: 'a11y.fakeList',
    severity: 'warning',
    wcag: '1.3.1',
    run: ({ text, isBlock }) => {
      const marker = typedListMarker(text);
      if (!isBlock || !marker) return null;
      const { ordered } = marker;
      const sameKind = (node: DocumentNode) => node.type === 'paragraph' && typedListMarker(textOf(node))?.ordered === ordered;
      return {
        fix: {
          label: formatMessage(ordered ? 'check.fixFakeListOrdered' : 'check.fixFakeList'),
          // The whole run of typed items becomes one list, not one list per line.
          absorbs: (following) => {
            const end = following.findIndex((node) => !sameKind(node));
            return end === -1 ? following.length : end;
          },
          apply: (target, absorbed = []) => ({
            type: ordered ? 'orderedList' : 'bulletList',
            attrs: { id: blockIdOf(target) },
            content: [target, ...absorbed].map(listItemOf),
          }),
        },
      };
    },
  },
  {
    id: 'a11y.capitals',
    severity: 'warning',
    wcag: null,
    run: ({ text }) => {
      const caps = /(?:\p{Lu}[\s-]?){11,}/u.exec(text);
      if (!caps || (caps[0].match(/\p{Lu}/gu) ?? []).length <= 10) return null;
      return { params: { text: caps[0].trim() }, excerpt: { text: caps[0].trim() } };
    },
  },
];

export const sentenceRules: readonly Rule<SentenceSubject>[] = [
  {
    id: 'a11y.language',
    severity: 'warning',
    wcag: '3.1.2',
    run: ({ sentence, words, languageMarked, wholeBlock }) => {
      if (languageMarked || words.length < 5) return null;
      const english = words.filter((word) => englishWords.has(word)).length;
      const german = words.filter((word) => germanWords.has(word)).length;
      if (english < 2 || english / words.length < 0.2 || german !== 0) return null;
      const report = { params: { text: sentence.slice(0, 60) }, excerpt: { text: sentence } };
      // A paragraph that is this one sentence is marked in one click; otherwise select the passage.
      if (!wholeBlock) return report;
      return { ...report, fix: { label: formatMessage('check.fixLanguage'), apply: markEnglish } };
    },
  },
  {
    id: 'read.longSentence',
    severity: 'hint',
    wcag: null,
    run: ({ sentence, words }) => (words.length > 25 ? { params: { count: words.length, text: sentence.slice(0, 60) }, excerpt: { text: sentence } } : null),
  },
];

/** An acronym is explained at its first use in the release; later uses need nothing. */
export const acronymExplained: SequenceRule<Set<string>> = {
  id: 'read.acronym',
  severity: 'hint',
  wcag: null,
  start: () => new Set(),
  run: ({ acronyms }, seen) =>
    acronyms.flatMap(({ acronym, explained }) => {
      if (seen.has(acronym)) return [];
      seen.add(acronym);
      return explained ? [] : [{ params: { acronym }, excerpt: { text: acronym } }];
    }),
};
