import type { Article, ArticleMeta, DocumentNode } from '../article.js';
import { checkMessageKey, words, type CheckId, type CheckReport, type Severity } from '../blocks/block-checks.js';
import { blockOfNode } from '../blocks/catalog.js';
import { formatMessage, type MessageParams } from '../messages/index.js';
import { blockIdOf, factsOf, headingsOf, imagesOf, linksOf, paragraphsOf, sentencesOf, textOf, type BlockFacts } from './document.js';
import { registry } from './registry.js';
import type { CheckOptions, Finding, RuleReport } from './rule.js';

/**
 * Pre-flight and accessibility checks on the document model (never the DOM), like a spell
 * checker: each finding names its rule, severity, block, WCAG success criterion where one
 * applies, and a one-click fix where one is possible. The same rules run in the editor, in
 * `npm run check` and in the reference portal's gate. The rules for any block are in the
 * registry (`registry.ts`); a block's own checks are in its definition (`common/blocks/`).
 */

export { severities, type Severity } from '../blocks/block-checks.js';
export { portalBoxColours } from '../blocks/box.js';
export { normaliseLinkText } from './link-rules.js';
export type { CheckOptions, CheckProfile, Finding, Fix } from './rule.js';

interface RuleHeader {
  readonly id: CheckId;
  readonly severity: Severity;
  readonly wcag: string | null;
}

function toFinding(rule: RuleHeader, report: RuleReport | CheckReport, blockId: string | null, params: MessageParams): Finding {
  const message = formatMessage(checkMessageKey(rule.id), report.params ? { ...params, ...report.params } : params);
  const finding: Finding = { ruleId: rule.id, severity: rule.severity, message, blockId };
  if (rule.wcag !== null) finding.wcag = rule.wcag;
  if (report.excerpt) finding.excerpt = report.excerpt;
  if ('fix' in report && report.fix) finding.fix = report.fix;
  return finding;
}

function blockLabel(node: DocumentNode): string {
  const block = blockOfNode(node.type);
  return block ? formatMessage(block.label) : node.type;
}

/** The findings of one top-level block: the registry's rules on what it holds, then its own checks. */
function findingsOfBlock(node: DocumentNode, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const blockId = blockIdOf(node);
  let params: MessageParams | undefined;
  const add = (rule: RuleHeader, report: RuleReport | CheckReport | null) => {
    // The block's label only when there is something to say about it: most blocks have no findings.
    if (report) findings.push(toFinding(rule, report, blockId, (params ??= { block: blockLabel(node) })));
  };
  const block = blockOfNode(node.type);
  for (const rule of registry.block) add(rule, rule.run({ node, block }, options));
  for (const image of imagesOf(node)) for (const rule of registry.image) add(rule, rule.run(image, options));
  for (const link of linksOf(node)) for (const rule of registry.link) add(rule, rule.run(link, options));
  for (const heading of headingsOf(node)) for (const rule of registry.heading) add(rule, rule.run(heading, options));
  for (const paragraph of paragraphsOf(node)) {
    const text = textOf(paragraph);
    const isBlock = node.type === 'paragraph';
    for (const rule of registry.paragraph) add(rule, rule.run({ paragraph, text, isBlock }, options));
    const sentences = sentencesOf(text);
    const languageMarked = (paragraph.content ?? []).some((child) => child.type === 'text' && child.marks?.some((mark) => mark.type === 'language'));
    for (const sentence of sentences) {
      const subject = { sentence, words: words(sentence), languageMarked, wholeBlock: isBlock && sentences.length === 1 };
      for (const rule of registry.sentence) add(rule, rule.run(subject, options));
    }
  }
  if (block?.checks && block.checks.length > 0) {
    const fields = block.toFields(node);
    for (const check of block.checks) add(check, check.run(fields, options));
  }
  return findings;
}

/** What the checks keep of one top-level block: its id, its findings, and what the rules across blocks need of it. */
interface CheckedBlock {
  readonly id: string | null;
  readonly facts: BlockFacts;
  readonly findings: readonly Finding[];
}

const noFindings: readonly Finding[] = Object.freeze([]);

function checkBlock(node: DocumentNode, options: CheckOptions): CheckedBlock {
  const found = findingsOfBlock(node, options);
  // Most blocks have none: they share one empty list.
  return { id: blockIdOf(node), facts: factsOf(node), findings: found.length > 0 ? found : noFindings };
}

/** All findings of a release from its checked blocks: the metadata's, then across blocks (heading order, links, acronyms), then each block's. */
function findingsOfRelease(meta: ArticleMeta, blocks: readonly CheckedBlock[], options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of registry.release) {
    const report = rule.run({ meta }, options);
    if (report) findings.push(toFinding(rule, report, null, {}));
  }
  const { teaserImage } = meta;
  if (teaserImage?.media) {
    // The teaser image's own rules, as of an image block; they point to the metadata.
    const fake: DocumentNode = { type: 'teaserImage', attrs: { image: teaserImage } };
    for (const finding of findingsOfBlock(fake, { ...options, profile: null })) findings.push({ ...finding, blockId: null, fix: undefined, message: finding.message });
  }
  const states = registry.sequence.map((rule) => rule.start());
  for (const block of blocks) {
    registry.sequence.forEach((rule, index) => {
      for (const report of rule.run(block.facts, states[index])) findings.push(toFinding(rule, report, block.id, {}));
    });
  }
  for (const block of blocks) findings.push(...block.findings);
  return sortFindings(findings);
}

/** Checks a whole release. */
export function checkArticle(article: Article, options: CheckOptions = {}): Finding[] {
  return findingsOfRelease(article.meta, article.body.content.map((node) => checkBlock(node, options)), options);
}

export { findingsOfBlock };

/**
 * A checker for the editor: what it found in a block is kept per block object (`Block`, a
 * ProseMirror node: ProseMirror keeps an untouched block as the same object from one state to the
 * next), so after an edit only the changed block is converted (`json`) and checked again, and the
 * rules across blocks read what was kept. The JSON is not kept.
 */
export function createChecker<Block extends object>(json: (block: Block) => DocumentNode, options: CheckOptions = {}): (meta: ArticleMeta, blocks: readonly Block[]) => Finding[] {
  const cache = new WeakMap<Block, CheckedBlock>();
  const checked = (block: Block) => {
    let result = cache.get(block);
    if (!result) {
      result = checkBlock(json(block), options);
      cache.set(block, result);
    }
    return result;
  };
  return (meta, blocks) => findingsOfRelease(meta, blocks.map(checked), options);
}

const rank: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
