import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { DocumentNode } from '../../common/article.js';
import { documentSchema } from '../../common/blocks/catalog.js';
import { findingsOfBlock } from '../../common/checks/rules.js';
import { locateExcerpt } from '../../renderer/src/editor/checks.js';

/** The document, and the text between two positions of it. */
function docOf(content: DocumentNode[]): { doc: ProseMirrorNode; between: (from: number, to: number) => string } {
  const doc = documentSchema().nodeFromJSON({ type: 'doc', content });
  return { doc, between: (from, to) => doc.textBetween(from, to) };
}

/** Where the findings of the first block would be marked, as the words marked. */
function marked(content: DocumentNode[]): Array<{ ruleId: string; words: string | null }> {
  const { doc, between } = docOf(content);
  const block = doc.child(0);
  return findingsOfBlock(content[0]!, {}).map((finding) => {
    const range = finding.excerpt ? locateExcerpt(block, 0, finding.excerpt) : null;
    return { ruleId: finding.ruleId, words: range ? between(range.from, range.to) : null };
  });
}

const link = (text: string, href: string): DocumentNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });

describe('marks in the text: the words a finding is about', () => {
  it('marks the generic link, not the same word outside the link', () => {
    const found = marked([{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Es gibt mehr zu lesen: ' }, link('mehr', 'https://example.org/a')] }]);
    expect(found).toEqual([{ ruleId: 'a11y.linkGeneric', words: 'mehr' }]);
    const { doc } = docOf([{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Es gibt mehr zu lesen: ' }, link('mehr', 'https://example.org/a')] }]);
    const range = locateExcerpt(doc.child(0), 0, { text: 'mehr', href: 'https://example.org/a' })!;
    // The second "mehr", the linked one: after "Es gibt mehr zu lesen: " (23 characters) and the paragraph's opening.
    expect(range).toEqual({ from: 24, to: 28 });
  });

  it('finds a link whose text is split by bold', () => {
    const { doc, between } = docOf([
      { type: 'paragraph', content: [{ type: 'text', text: 'Siehe ' }, link('wei', 'https://x.test/'), { type: 'text', text: 'ter', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://x.test/' } }] }] },
    ]);
    const range = locateExcerpt(doc.child(0), 0, { text: 'weiter', href: 'https://x.test/' })!;
    expect(between(range.from, range.to)).toBe('weiter');
  });

  it('marks capitals and an English sentence in a list item, past a line break', () => {
    const sentence = 'We must get out of the trap and work together.';
    const content: DocumentNode[] = [
      {
        type: 'bulletList',
        attrs: { id: 'l1' },
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Erster Punkt.' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zweiter Punkt.' }, { type: 'hardBreak' }, { type: 'text', text: sentence }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Das ist HIERUNDJETZTSOFORT wichtig.' }] }] },
        ],
      },
    ];
    const found = marked(content);
    expect(found).toContainEqual({ ruleId: 'a11y.capitals', words: 'HIERUNDJETZTSOFORT' });
    expect(found.find((finding) => finding.ruleId === 'a11y.language')?.words).toBe(sentence);
  });

  it('leaves findings about the whole block (an image) unplaced, and words that are not there', () => {
    const { doc } = docOf([{ type: 'paragraph', content: [{ type: 'text', text: 'Nur Text.' }] }]);
    expect(locateExcerpt(doc.child(0), 0, { text: 'fehlt' })).toBeNull();
    expect(locateExcerpt(doc.child(0), 0, { text: 'Text', href: 'https://x.test/' })).toBeNull();
    expect(locateExcerpt(doc.child(0), 0, { text: '' })).toBeNull();
  });
});
