import type { ArticleMeta, DocumentNode } from '../article.js';
import type { BlockCheckOptions, CheckId, CheckReport, Severity } from '../blocks/block-checks.js';
import type { BlockDefinition } from '../blocks/block-definition.js';
import type { BlockFacts, HeadingFacts, ImageFacts, LinkFacts } from './document.js';

/** A one-click fix: a new version of the top-level block the finding points to. */
export interface Fix {
  label: string;
  /**
   * How many of the top-level blocks right after this one the fix takes in as well (a run of
   * typed list items becomes one list); none when absent.
   */
  absorbs?(following: readonly DocumentNode[]): number;
  /** The new block, made of this one and the `absorbed` blocks after it. */
  apply(block: DocumentNode, absorbed?: readonly DocumentNode[]): DocumentNode;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The top-level block it points to; null for the release's metadata. */
  blockId: string | null;
  wcag?: string;
  fix?: Fix;
  /**
   * The words in the block the finding is about (a link's text, a sentence, an acronym), so the
   * editor can mark them like a misspelt word; `href` narrows it to text linked there. Without it,
   * or where the words are not in the block's text (a teaser's link field), the whole block is meant.
   */
  excerpt?: { text: string; href?: string };
}

/** What the portal allows, where known (the app caches the profile; the CLI may pass one). */
export interface CheckProfile {
  elementTypes: ReadonlyArray<{ name: string; renderable: boolean }>;
  limits: { leadLength: number };
}

export interface CheckOptions extends BlockCheckOptions {
  profile?: CheckProfile | null;
  /** For the embargo: it must lie in the future. */
  now?: Date;
}

/** A report that may come with a one-click fix. */
export interface RuleReport extends CheckReport {
  fix?: Fix;
}

/**
 * A rule of the registry: it looks at one subject (the release, a block, an image, a link, a
 * heading, a paragraph, a sentence) and reports at most one finding about it.
 */
export interface Rule<Subject> {
  readonly id: CheckId;
  readonly severity: Severity;
  /** The WCAG success criterion it tests, or null. */
  readonly wcag: string | null;
  run(subject: Subject, options: CheckOptions): RuleReport | null;
}

/** A rule that reads the blocks in order (heading levels, link texts, acronyms seen before). */
export interface SequenceRule<State> {
  readonly id: CheckId;
  readonly severity: Severity;
  readonly wcag: string | null;
  /** The state before the first block. */
  start(): State;
  /** The findings of one block; it may move the state on. */
  run(block: BlockFacts, state: State): RuleReport[];
}

/** What the rules of the whole release look at: its metadata (the blocks have rules of their own). */
export interface ReleaseSubject {
  meta: ArticleMeta;
}

/** A top-level block and its catalog entry (none for a node the catalog does not know). */
export interface BlockSubject {
  node: DocumentNode;
  block: BlockDefinition<never> | undefined;
}

export interface ParagraphSubject {
  paragraph: DocumentNode;
  text: string;
  /** Whether the paragraph is the block itself, not a paragraph inside one (a quote, a column). */
  isBlock: boolean;
}

export interface SentenceSubject {
  sentence: string;
  words: string[];
  /** Whether part of the paragraph is marked as another language already. */
  languageMarked: boolean;
  /** Whether the sentence is the whole block (a paragraph of one sentence), so a fix can mark it. */
  wholeBlock: boolean;
}

/** Every rule for any block, by what it looks at; the blocks' own checks are in their files. */
export interface Registry {
  readonly release: readonly Rule<ReleaseSubject>[];
  readonly block: readonly Rule<BlockSubject>[];
  readonly image: readonly Rule<ImageFacts>[];
  readonly link: readonly Rule<LinkFacts>[];
  readonly heading: readonly Rule<HeadingFacts>[];
  readonly paragraph: readonly Rule<ParagraphSubject>[];
  readonly sentence: readonly Rule<SentenceSubject>[];
  readonly sequence: readonly SequenceRule<unknown>[];
}
