import type { Article } from '../../common/article.js';
import { berlinToInstant, formatBerlinLocal } from '../../common/berlin-time.js';
import { checkArticle, type Finding } from '../../common/checks/rules.js';
import type { Profile } from '../../common/portal-api.js';
import { Failure } from '../../common/result.js';
import { workflow } from '../../common/workflow.js';

/** The approved revision that "Veröffentlichen" or "Korrigieren" puts live, as the portal last sent it. */
export interface PublishCandidate {
  revision: number;
  article: Article;
}

export interface GateOptions {
  /** When it is to go live. */
  at: Date;
  now: Date;
  /** The portal's profile as cached at sign-in; without it, renderability is left to the portal. */
  profile: Profile | null;
  /** A reviewer's reason to go ahead despite errors. */
  override?: string | undefined;
  /** Whether the person may override (null: not known while signed out; the portal decides). */
  reviewer: boolean | null;
}

/** The finding of a block the portal cannot render: never overridden, whoever asks. */
const unrenderable = (finding: Finding) => finding.ruleId === 'preflight.renderable';

function refused(errors: Finding[]): Failure {
  const messages = errors.map((finding) => finding.message);
  return new Failure('conflict', 'check.gateRefused', { count: errors.length, messages: messages.join(' ') }, messages);
}

/**
 * The gate before a revision goes live. It checks what the portal will publish, the approved
 * revision, not the local text (which may have moved on since the approval): never before its
 * embargo, and no errors of the checks, unless a reviewer overrides them with a reason; a block
 * the portal cannot render stops it in any case.
 */
export function assertMayGoLive(action: 'publish' | 'correct', candidate: PublishCandidate, options: GateOptions): void {
  const { embargo } = candidate.article.meta;
  if (embargo && options.at.getTime() < berlinToInstant(embargo).getTime()) {
    throw new Failure('conflict', 'sync.beforeEmbargo', { embargo: formatBerlinLocal(embargo) });
  }
  if (!workflow[action].checks) return;
  const errors = checkArticle(candidate.article, { profile: options.profile, now: options.now }).filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return;
  if (!options.override?.trim()) throw refused(errors);
  if (errors.some(unrenderable)) throw refused(errors.filter(unrenderable));
  if (options.reviewer === false) throw new Failure('forbidden', 'sync.overrideRole');
}
