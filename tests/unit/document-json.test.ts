import { describe, expect, it } from 'vitest';
import { emptyArticle, type Article, type DocumentNode } from '../../common/article.js';
import { completeArticle } from '../../common/blocks/block-ids.js';
import { documentSchema } from '../../common/blocks/catalog.js';
import { adoptStoredJson, blockJson, sameAsJson, topLevelBlocks } from '../../common/document-json.js';
import { allBlocksBody } from '../fixtures/all-blocks.js';

/** Every block kind, stored as the app stores it (complete), read back from JSON. */
function storedBody(): Article['body'] {
  const schema = documentSchema();
  const complete = completeArticle({ ...emptyArticle(), body: allBlocksBody() }).body;
  return JSON.parse(JSON.stringify(schema.nodeFromJSON(complete).toJSON())) as Article['body'];
}

describe('the JSON of the editor blocks', () => {
  it('is the stored JSON itself for every block that equals it, so the release is held once', () => {
    const body = storedBody();
    const doc = documentSchema().nodeFromJSON(structuredClone(body));
    adoptStoredJson(doc, body);
    const blocks = topLevelBlocks(doc);
    expect(blocks.length).toBeGreaterThan(10);
    blocks.forEach((block, index) => expect(blockJson(block)).toBe(body.content[index]));
  });

  it('is converted anew where the stored JSON differs in anything toJSON would give', () => {
    const body = storedBody();
    const doc = documentSchema().nodeFromJSON(structuredClone(body));
    const differing = structuredClone(body);
    const changes: Array<(node: DocumentNode) => void> = [
      (node) => (node.attrs = { ...node.attrs, id: 'anders' }),
      (node) => (node.attrs = { ...node.attrs, unbekannt: 1 }),
      (node) => Object.assign(node, { extra: true }),
      (node) => (node.content = node.content?.slice(1)),
    ];
    changes.forEach((change, index) => change(differing.content[index]!));
    adoptStoredJson(doc, differing);
    topLevelBlocks(doc).forEach((block, index) => {
      const json = blockJson(block);
      if (index < changes.length) expect(json).not.toBe(differing.content[index]);
      else expect(json).toBe(differing.content[index]);
      expect(json).toEqual(block.toJSON());
    });
  });

  it('compares text, marks and nested attributes exactly', () => {
    const schema = documentSchema();
    const paragraph = schema.nodeFromJSON({ type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text', text: 'fett', marks: [{ type: 'bold' }] }, { type: 'text', text: ' und ' }, { type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] }] });
    const json = JSON.parse(JSON.stringify(paragraph.toJSON())) as DocumentNode;
    expect(sameAsJson(paragraph, json)).toBe(true);
    const variants: Array<(copy: DocumentNode) => void> = [
      (copy) => (copy.content![0]!.text = 'Fett'),
      (copy) => (copy.content![0]!.marks = [{ type: 'italic' }]),
      (copy) => delete copy.content![0]!.marks,
      (copy) => (copy.content![1]!.marks = []),
      (copy) => (copy.content![2]!.marks![0]!.attrs = { ...copy.content![2]!.marks![0]!.attrs, href: 'https://example.org/x' }),
      (copy) => delete copy.attrs,
    ];
    for (const change of variants) {
      const copy = structuredClone(json);
      change(copy);
      expect(sameAsJson(paragraph, copy)).toBe(false);
    }
  });
});
