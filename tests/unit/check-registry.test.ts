import { describe, expect, it } from 'vitest';
import { checkMessageKey } from '../../common/blocks/block-checks.js';
import { blockCatalog } from '../../common/blocks/catalog.js';
import { registry } from '../../common/checks/registry.js';
import { checkArticle } from '../../common/checks/rules.js';
import { emptyArticle, type Article } from '../../common/article.js';
import { formatMessage } from '../../common/messages/index.js';

const everyRule = [
  ...registry.release,
  ...registry.block,
  ...registry.image,
  ...registry.link,
  ...registry.heading,
  ...registry.paragraph,
  ...registry.sentence,
  ...registry.sequence,
  ...blockCatalog.flatMap((block) => block.checks ?? []),
];

describe('the registry of checks', () => {
  it('every rule, across blocks or a block\'s own, has a unique id, a German and an English message and a WCAG criterion or none', () => {
    const ids = everyRule.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of everyRule) {
      const key = checkMessageKey(rule.id);
      expect(formatMessage(key, {}, 'de')).not.toBe(formatMessage(key, {}, 'en'));
      if (rule.wcag !== null) expect(rule.wcag).toMatch(/^\d\.\d\.\d+$/);
      // Accessibility rules name their success criterion; capitals are a matter of readability only.
      if (rule.id.startsWith('a11y.') && rule.id !== 'a11y.capitals') expect(rule.wcag).not.toBeNull();
    }
  });

  it('the blocks with rules of their own carry them in their definitions', () => {
    const own = Object.fromEntries(blockCatalog.filter((block) => block.checks).map((block) => [block.name, block.checks!.map((check) => check.id)]));
    expect(own).toEqual({
      quote: ['a11y.quoteAsHeading'],
      table: ['a11y.tableHeader', 'a11y.tableEmptyHeader', 'a11y.tableCaption'],
      video: ['a11y.videoCaptions', 'a11y.embedTitle'],
      box: ['a11y.contrast'],
    });
  });

  it('a block\'s checks read its typed fields: a box of an unknown colour is checked as the blue box it renders as', () => {
    const base = emptyArticle();
    const article: Article = {
      ...base,
      meta: { ...base.meta, title: 'Kasten', lead: 'Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29' },
      body: { type: 'doc', content: [{ type: 'box', attrs: { id: 'b1', variant: 'lila' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] }] },
    };
    const blueFails = { blue: { color: '#cccccc', background: '#ffffff' } };
    expect(checkArticle(article, { boxColours: blueFails }).map((finding) => finding.ruleId)).toEqual(['a11y.contrast']);
    expect(checkArticle(article).map((finding) => finding.ruleId)).toEqual([]);
  });
});
