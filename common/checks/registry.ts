import { headingRules, headingSkip } from './heading-rules.js';
import { imageRules } from './image-rules.js';
import { linkRules, linkSameText } from './link-rules.js';
import { releaseRules, renderableRule } from './preflight-rules.js';
import type { Registry } from './rule.js';
import { acronymExplained, paragraphRules, sentenceRules } from './text-rules.js';

/**
 * Every rule that is not a block's own, by what it looks at, in the order its findings are listed.
 * A new rule is one entry here (in the file of its kind) plus its message `check.<name>` in
 * `common/messages/de-checks.ts` and `en-checks.ts`; a rule for one block goes into that block's `checks`.
 */
export const registry: Registry = {
  release: releaseRules,
  block: [renderableRule],
  image: imageRules,
  link: linkRules,
  heading: headingRules,
  paragraph: paragraphRules,
  sentence: sentenceRules,
  sequence: [headingSkip, linkSameText, acronymExplained],
};
