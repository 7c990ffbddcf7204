import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleContentSchema, articleSchema, emptyArticle, type Article } from '../../common/article.js';
import { contract } from '../../common/contract.js';
import { findXmlIllegal, withoutXmlIllegal, withoutXmlIllegalDeep, xmlIllegalCharacter } from '../../common/xml-text.js';
import { openDatabase } from '../../main/services/database.js';
import { DraftStore } from '../../main/services/draft-store.js';
import { makeTempDirectory } from '../temp-directory.js';

function withText(text: string): Article {
  const base = emptyArticle();
  return { ...base, meta: { ...base.meta, title: `Titel${text}` }, body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: `Absatz${text}` }] }] } };
}

describe('characters XML cannot carry', () => {
  it('are control characters but tab, line feed and carriage return, U+FFFE/U+FFFF and lone surrogates; astral characters are fine', () => {
    for (const [text, found] of [['a\u0001', 'U+0001'], ['\u000B', 'U+000B'], ['\u001F', 'U+001F'], ['\uFFFE', 'U+FFFE'], ['\uFFFF', 'U+FFFF'], ['x\uD800', 'U+D800'], ['\uDC00y', 'U+DC00'], ['\u0000', 'U+0000']] as const) {
      expect(xmlIllegalCharacter(text)).toBe(found);
    }
    for (const text of ['Tab\tZeile\nWagen\r', 'Straße „Zitat“ – ü', '😀 \u{10FFFD}', '\u0085\u007F', '\uE000\uFFFD']) expect(xmlIllegalCharacter(text)).toBeNull();
    expect(withoutXmlIllegal('a\u0001b\uD800c\uFFFEd😀')).toBe('abcd😀');
  });

  it('are found in strings and keys of a nested value, with their path; a "__proto__" key stays a key when cleaned', () => {
    const value = JSON.parse('{"a":[1,"ok",{"b":"x\\u0001"}],"k\\u000b":"v","__proto__":{"c":"\\ud800"}}') as unknown;
    expect(findXmlIllegal(value)).toEqual([
      { path: ['a', 2, 'b'], character: 'U+0001' },
      { path: ['k\u000B'], character: 'U+000B' },
      { path: ['__proto__', 'c'], character: 'U+D800' },
    ]);
    const cleaned = withoutXmlIllegalDeep(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(JSON.stringify(cleaned)).toBe('{"a":[1,"ok",{"b":"x"}],"k":"v","__proto__":{"c":""}}');
    const clean = { a: ['b'] };
    expect(withoutXmlIllegalDeep(clean)).toBe(clean);
  });

  it('the Portal API refuses them naming the field; the app cleans them when it saves, and still opens a draft stored with one', () => {
    const hostile = withText('\u0001\uFFFE');
    expect(articleSchema.safeParse(hostile).success).toBe(true);
    const refused = articleContentSchema.safeParse(hostile);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['meta.title', 'body.content.0.content.0.text']);

    const saved = contract['drafts.save'].input.parse({ id: '6f1c1d43-2f37-4c52-9b63-3a0d5f0b3a10', baseVersion: 1, article: hostile });
    expect(saved.article.meta.title).toBe('Titel');
    expect(articleContentSchema.safeParse(saved.article).success).toBe(true);

    const temp = makeTempDirectory();
    const db = openDatabase(join(temp.path, 'store.sqlite'));
    try {
      const store = new DraftStore(db);
      const draft = store.create();
      // As an older version of the app stored it, before it cleaned.
      db.prepare('UPDATE articles SET content = ? WHERE id = ?').run(JSON.stringify(hostile), draft.id);
      expect(new DraftStore(db).get(draft.id).article.meta.title).toBe('Titel\u0001\uFFFE');
    } finally {
      db.close();
      temp.remove();
    }
  });

  it('a comment, a reason and an override with one are refused by the contract before they are queued', () => {
    const id = '6f1c1d43-2f37-4c52-9b63-3a0d5f0b3a10';
    const comment = contract['sync.comment'].input.safeParse({ id, blockId: 'p-1', revision: 1, text: 'Bitte \u0001' });
    expect(comment.error?.issues[0]).toMatchObject({ path: ['text'], message: expect.stringContaining('Enthält das Zeichen U+0001') });
    expect(contract['sync.withdraw'].input.safeParse({ id, reason: 'Grund \uD800' }).success).toBe(false);
    expect(contract['sync.submit'].input.safeParse({ id, override: 'Begründung \u000B lang genug' }).success).toBe(false);
  });
});
