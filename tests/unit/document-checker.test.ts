import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { Article, DocumentNode } from '../../common/article.js';
import { completeArticle } from '../../common/blocks/block-ids.js';
import { documentSchema } from '../../common/blocks/catalog.js';
import { checkArticle, createChecker, type CheckOptions, type CheckProfile } from '../../common/checks/rules.js';
import { topLevelBlocks } from '../../common/document-json.js';
import { demoPageDefects } from '../fixtures/demo-page-defects.js';

const profile = JSON.parse(readFileSync(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)), 'utf8')) as CheckProfile;
const options: CheckOptions = { now: new Date('2026-11-29T10:00:00.000Z'), profile };

/** The editor's checker over ProseMirror blocks, counting the blocks it converts to JSON. */
function countingChecker() {
  const converted: ProseMirrorNode[] = [];
  const check = createChecker((block: ProseMirrorNode) => {
    converted.push(block);
    return block.toJSON() as DocumentNode;
  }, options);
  return { check, converted };
}

function opened(article: Article) {
  const doc = documentSchema().nodeFromJSON(completeArticle(article).body);
  return { doc, article: { ...article, body: doc.toJSON() as Article['body'] } };
}

describe("the editor's checker", () => {
  it('finds what the whole-release check finds', () => {
    const { doc, article } = opened(demoPageDefects());
    const { check } = countingChecker();
    const findings = check(article.meta, topLevelBlocks(doc));
    expect(findings.length).toBeGreaterThan(5);
    expect(findings).toEqual(checkArticle(article, options));
  });

  it('converts and checks only the blocks an edit changed; the rules across blocks still see all', () => {
    const { doc, article } = opened(demoPageDefects());
    const { check, converted } = countingChecker();
    check(article.meta, topLevelBlocks(doc));
    expect(converted).toHaveLength(doc.childCount);
    expect(check(article.meta, topLevelBlocks(doc))).toEqual(checkArticle(article, options));
    expect(converted).toHaveLength(doc.childCount);

    // A heading two levels below the one before it, inserted as the first block: one new block,
    // and a finding across blocks that needs the unchanged ones.
    const skipping = doc.type.schema.nodeFromJSON({ type: 'heading', attrs: { id: 'neu', level: 4 }, content: [{ type: 'text', text: 'Zu tief' }] });
    const edited = doc.replace(0, 0, new Slice(Fragment.from(skipping), 0, 0));
    const findings = check(article.meta, topLevelBlocks(edited));
    expect(converted).toHaveLength(doc.childCount + 1);
    expect(converted.at(-1)).toBe(skipping);
    expect(findings).toEqual(checkArticle({ ...article, body: edited.toJSON() as Article['body'] }, options));
    expect(findings.filter((finding) => finding.blockId === 'neu').map((finding) => finding.ruleId)).toContain('a11y.headingSkip');
  });
});
