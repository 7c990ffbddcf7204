/**
 * The review and publication workflow as data: one row per action. The portal's transition,
 * the app's sync engine and the editor's publish controls all ask this table, so a new
 * transition is one row here plus its effect where it is carried out.
 *
 * draft → in review → changes requested ↔ in review → approved → scheduled or published →
 * (corrected) → withdrawn.
 */

export const roles = ['author', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

export const articleStatuses = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const transitionActions = ['submit', 'request_changes', 'approve', 'publish', 'withdraw', 'correct'] as const;
export type TransitionAction = (typeof transitionActions)[number];

/** The roles that review: approve, request changes, withdraw, override the checks. */
export const reviewerRoles: readonly Role[] = ['approver', 'admin'];

export interface Transition {
  /** The statuses the article must be in. */
  readonly from: readonly ArticleStatus[];
  /** Who may do it. */
  readonly roles: readonly Role[];
  /**
   * The release's checks must find no errors, unless a reviewer overrides them with a reason
   * (an unrenderable block can never be overridden). A passed embargo is a hint, never an error.
   */
  readonly checks: boolean;
  /** A reason must be given (it is kept in the history). */
  readonly reasonRequired: boolean;
  /** Only for the revision that was approved. */
  readonly approvedRevision: boolean;
  /** Nobody does it to a release they created or wrote a revision of (Vier-Augen-Prinzip). */
  readonly fourEyes: boolean;
  /** Whether the release must have been live before: `false` for a first publication, `true` for a correction. */
  readonly published: boolean | null;
  /** It puts a revision live, now or at a time: only renderable blocks, never before the embargo. */
  readonly goesLive: boolean;
  /** The status afterwards; an action that goes live at a later time ends in `scheduled`. */
  readonly to: ArticleStatus;
}

const everyone = roles;

export const workflow: Readonly<Record<TransitionAction, Transition>> = {
  submit: { from: ['draft', 'changes_requested'], roles: everyone, checks: true, reasonRequired: false, approvedRevision: false, fourEyes: false, published: null, goesLive: false, to: 'in_review' },
  request_changes: { from: ['in_review'], roles: reviewerRoles, checks: false, reasonRequired: false, approvedRevision: false, fourEyes: false, published: null, goesLive: false, to: 'changes_requested' },
  approve: { from: ['in_review'], roles: reviewerRoles, checks: false, reasonRequired: false, approvedRevision: false, fourEyes: true, published: null, goesLive: false, to: 'approved' },
  publish: { from: ['approved'], roles: everyone, checks: true, reasonRequired: false, approvedRevision: true, fourEyes: false, published: false, goesLive: true, to: 'published' },
  correct: { from: ['approved'], roles: everyone, checks: true, reasonRequired: true, approvedRevision: true, fourEyes: false, published: true, goesLive: true, to: 'published' },
  withdraw: { from: ['published', 'scheduled'], roles: reviewerRoles, checks: false, reasonRequired: true, approvedRevision: false, fourEyes: false, published: null, goesLive: false, to: 'withdrawn' },
};

/** What is known of a release when an action is asked for; absent facts are not checked. */
export interface TransitionFacts {
  status: ArticleStatus | null;
  role?: Role | null;
  /** The revision the action is meant for, and the one that was approved. */
  revision?: number | null;
  approvedRevision?: number | null;
  /** The revision that is (or was) live; null when never published. */
  publishedRevision: number | null;
  /** Whether the person created or wrote a revision of it. */
  wroteIt?: boolean;
  reason?: string | null;
}

/** Why the table refuses an action, in the order the rules are asked. */
export type Refusal = 'status' | 'role' | 'notApproved' | 'alreadyPublished' | 'neverPublished' | 'fourEyes' | 'reason';

/** The first rule of the table that refuses the action, or null when it is allowed. */
export function refusal(action: TransitionAction, facts: TransitionFacts): Refusal | null {
  const rule = workflow[action];
  if (facts.role && !rule.roles.includes(facts.role)) return 'role';
  if (facts.status === null || !rule.from.includes(facts.status)) return 'status';
  if (rule.approvedRevision && facts.revision !== undefined && facts.approvedRevision !== undefined && facts.revision !== facts.approvedRevision) return 'notApproved';
  if (rule.published === false && facts.publishedRevision !== null) return 'alreadyPublished';
  if (rule.published === true && facts.publishedRevision === null) return 'neverPublished';
  if (rule.fourEyes && facts.wroteIt) return 'fourEyes';
  if (rule.reasonRequired && facts.reason !== undefined && !facts.reason?.trim()) return 'reason';
  return null;
}

/** The actions the table allows now, for the controls to offer (reasons are asked for there). */
export function allowedActions(facts: Omit<TransitionFacts, 'reason'>): TransitionAction[] {
  return transitionActions.filter((action) => refusal(action, facts) === null);
}

/** The status an action leads to; going live at a later time means scheduled. */
export function statusAfter(action: TransitionAction, scheduled: boolean): ArticleStatus {
  const rule = workflow[action];
  return rule.goesLive && scheduled ? 'scheduled' : rule.to;
}

/** Statuses in which a release is on the website or waiting to go there. */
export const liveStatuses: readonly ArticleStatus[] = ['published', 'scheduled'];
