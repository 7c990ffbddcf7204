import type { HeadingFacts } from './document.js';
import type { Rule, SequenceRule } from './rule.js';

/** Headings: the title is the only H1, none is empty or a paragraph in disguise, none skips a level. */

export const headingRules: readonly Rule<HeadingFacts>[] = [
  { id: 'a11y.headingH1', severity: 'error', wcag: '1.3.1', run: ({ level }) => (level === 1 ? {} : null) },
  { id: 'a11y.headingEmpty', severity: 'error', wcag: '1.3.1', run: ({ text }) => (text === '' ? {} : null) },
  { id: 'a11y.headingTooLong', severity: 'warning', wcag: '2.4.6', run: ({ text }) => (text.length > 170 ? { params: { length: text.length } } : null) },
];

/** Each heading at most one level below the one before; the title is the H1 before the first. */
export const headingSkip: SequenceRule<{ previous: number }> = {
  id: 'a11y.headingSkip',
  severity: 'warning',
  wcag: '1.3.1',
  start: () => ({ previous: 1 }),
  run: ({ headings }, state) =>
    headings.flatMap(({ level }) => {
      const from = state.previous;
      state.previous = level;
      return level > from + 1 ? [{ params: { from, to: level } }] : [];
    }),
};
