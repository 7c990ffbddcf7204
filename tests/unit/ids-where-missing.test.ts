// @vitest-environment happy-dom
import { Editor, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from '../../common/blocks/catalog.js';
import { completeArticle } from '../../common/blocks/block-ids.js';
import { idsWhereMissing } from '../../renderer/src/editor/ids-where-missing.js';
import { largeRelease } from '../fixtures/large-release.js';

/** A headless editor as the app makes it, and the transactions it sent until 'create' had run. */
async function open(content: JSONContent): Promise<{ editor: Editor; transactions: number }> {
  let transactions = 0;
  const extensions = documentExtensions().map((extension) => (extension.name === 'uniqueID' ? idsWhereMissing(extension) : extension));
  const editor = await new Promise<Editor>((resolve) => {
    const made: Editor = new Editor({ element: document.createElement('div'), extensions, content, onTransaction: () => void transactions++, onCreate: () => queueMicrotask(() => resolve(made)) });
  });
  return { editor, transactions };
}

describe('UniqueID at open', () => {
  it('sends no transaction for a release stored complete', async () => {
    const { editor, transactions } = await open(completeArticle(largeRelease(30)).body);
    expect(transactions).toBe(0);
    editor.destroy();
  });

  it('still gives an id to every node that lacks one', async () => {
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const { editor, transactions } = await open({
      type: 'doc',
      content: [paragraph('Eins'), { type: 'quote', attrs: { speaker: 'Jemand' }, content: [paragraph('Ein Zitat.')] }, paragraph('Drei')],
    });
    expect(transactions).toBe(1);
    const missing: string[] = [];
    editor.state.doc.descendants((node) => {
      if (['paragraph', 'quote'].includes(node.type.name) && typeof node.attrs.id !== 'string') missing.push(node.type.name);
    });
    expect(missing).toEqual([]);
    editor.destroy();
  });
});
