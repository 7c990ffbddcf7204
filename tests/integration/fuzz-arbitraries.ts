import fc from 'fast-check';
import { emptyArticle, type Article } from '../../common/article.js';

/** Characters that break XML or parsers, mixed with ordinary and German ones. */
const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\u0000', '\u0001', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u2028', '\u0085', ']]>', '<', '&', '"', "'", '\\') },
  { weight: 5, arbitrary: fc.constantFrom('a', 'ä', 'ß', ' ', '\t', '\n', '„', '😀', '-') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** A short string, often with a character XML cannot carry. */
export const hostileString = fc.string({ unit: hostileUnit, maxLength: 40 });

/** Keys a hostile client sends: prototype keys, the document's own names, and garbage. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'content', 'attrs', 'text', 'marks', 'id', 'title', 'meta', 'body', 'toString'),
  hostileString,
);

/** Any JSON value, wrong types and prototype keys included, a few levels deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Nested `depth` levels of blockquotes: deeper than the schema allows for large depths. */
function nested(depth: number): Article['body']['content'][number] {
  let node: Article['body']['content'][number] = { type: 'paragraph', content: [{ type: 'text', text: 'tief' }] };
  for (let level = 0; level < depth; level++) node = { type: 'blockquote', content: [node] };
  return node;
}

/** A valid release to start from. */
export function validRelease(title = 'Meldung'): Article {
  const base = emptyArticle();
  return {
    ...base,
    meta: { ...base.meta, title, lead: 'Ein Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29' },
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: `${title}: der Text.` }] }] },
  };
}

/**
 * Article-shaped input: a valid release with hostile strings where text goes, wrong types,
 * unknown keys, prototype keys, huge nesting, or no article at all.
 */
export const articleLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ title: hostileString, lead: hostileString, text: hostileString, id: hostileString }).map(({ title, lead, text, id }) => {
    const article = validRelease();
    return { ...article, meta: { ...article.meta, title, lead }, body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text: text || 'x' }] }] } };
  }),
  fc.record({ key: hostileKey, value: hostileValue }).map(({ key, value }) => {
    const article = validRelease() as unknown as Record<string, Record<string, unknown>>;
    return { ...article, meta: Object.fromEntries([...Object.entries(article.meta!), [key, value]]) };
  }),
  fc.record({ attrs: fc.dictionary(hostileKey, hostileValue, { maxKeys: 4 }), marks: hostileValue }).map(({ attrs, marks }) => {
    const article = validRelease();
    return { ...article, body: { type: 'doc', content: [{ type: 'paragraph', attrs, content: [{ type: 'text', text: 'x', marks }] }] } };
  }),
  fc.integer({ min: 1, max: 400 }).map((depth) => ({ ...validRelease(), body: { type: 'doc', content: [nested(depth)] } })),
  hostileValue,
);
