import { describe, expect, it } from 'vitest';
import { emptyArticle, type Article, type DocumentNode } from '../../common/article.js';
import { completeArticle } from '../../common/blocks/block-ids.js';

const text = (value: string): DocumentNode => ({ type: 'text', text: value });
const paragraph = (value: string, id?: string): DocumentNode => ({ type: 'paragraph', ...(id ? { attrs: { id } } : {}), content: [text(value)] });

function article(content: DocumentNode[]): Article {
  return { ...emptyArticle(), body: { type: 'doc', content } };
}

function ids(node: DocumentNode): Array<string | undefined> {
  return [...(node.type !== 'doc' && node.type !== 'text' && node.type !== 'listItem' ? [node.attrs?.id as string | undefined] : []), ...(node.content ?? []).flatMap(ids)];
}

describe('a release is stored with an id on every node that carries one', () => {
  it('gives the missing ones (nested paragraphs and lists included) and a repeated one a new id, keeping the rest', () => {
    let counter = 0;
    const given = article([
      paragraph('Oben', 'p-oben'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Eins'), { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('Innen')] }] }] }] },
      paragraph('Doppelt', 'p-oben'),
    ]);
    const complete = completeArticle(given, () => `neu-${++counter}`);
    const found = ids(complete.body as DocumentNode);
    expect(found).toEqual(['p-oben', 'neu-1', 'neu-2', 'neu-3', 'neu-4', 'neu-5']);
    expect(complete.body.content.at(-1)).toEqual(paragraph('Doppelt', 'neu-5'));
    expect(new Set(found).size).toBe(found.length);
  });

  it('returns the very same release when nothing is missing (no copy on the save path)', () => {
    const given = article([{ type: 'bulletList', attrs: { id: 'l' }, content: [{ type: 'listItem', content: [paragraph('B', 'b')] }] }, paragraph('A', 'a')]);
    expect(completeArticle(given)).toBe(given);
  });

  it('ends with a paragraph after a list, a table or any other block, as the editor\'s trailing paragraph', () => {
    const endsInList = article([paragraph('A', 'a'), { type: 'bulletList', attrs: { id: 'l' }, content: [{ type: 'listItem', content: [paragraph('B', 'b')] }] }]);
    const complete = completeArticle(endsInList, () => 'neu');
    expect(complete.body.content.map((node) => node.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
    expect(complete.body.content.at(-1)).toEqual({ type: 'paragraph', attrs: { id: 'neu' } });
    expect(completeArticle(complete)).toBe(complete);
  });
});
