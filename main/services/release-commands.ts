import { articleSchema } from '../../common/article.js';
import { completeArticle } from '../../common/blocks/block-ids.js';
import { collectMediaRefs } from '../../common/media.js';
import type { MessageKey } from '../../common/messages/index.js';
import { Failure, type ErrorCode } from '../../common/result.js';
import { refusal, type Refusal, type TransitionAction, type TransitionFacts } from '../../common/workflow.js';
import type { Emitter } from './disposable.js';
import type { DraftStore } from './draft-store.js';
import type { HistoryStore } from './history-store.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { PortalConnection } from './portal-connection.js';
import { assertMayGoLive, type PublishCandidate } from './publish-gate.js';
import type { SyncStateStore } from './sync-state-store.js';

/** How the app words a refusal of the workflow table, per reason; `otherwise` for the rest. */
type Answers = { [R in Refusal]?: [ErrorCode, MessageKey] } & { otherwise: [ErrorCode, MessageKey] };

/** Asks the workflow table (`common/workflow.ts`) and says in German why not. */
function ask(action: TransitionAction, facts: TransitionFacts, answers: Answers): void {
  const why = refusal(action, facts);
  if (why === null) return;
  const [code, key] = answers[why] ?? answers.otherwise;
  throw new Failure(code, key);
}

const notApproved: Answers = { otherwise: ['conflict', 'sync.notApproved'] };

/**
 * What the person asks of the portal for a release: submit, review, take up for editing,
 * publish, correct, withdraw, decide a conflict, comment. Each is checked here against the
 * workflow table and what is known locally, then goes into the outbox; the portal has the last word.
 */
export class ReleaseCommands {
  constructor(
    private readonly store: SyncStateStore,
    private readonly connection: PortalConnection,
    private readonly outbox: Outbox,
    private readonly changes: Emitter<{ id: string | null }>,
    private readonly now: () => Date,
    private readonly drafts: DraftStore,
    private readonly history: HistoryStore,
  ) {}

  /**
   * "Zur Freigabe einreichen": a revision of the current text, then its files, the text and the
   * submission into the outbox, durably and in this order. The table is not asked: the save that
   * goes first returns the release to draft on the portal, from where it may always be submitted.
   */
  submit(id: string, override?: string): void {
    const draft = this.drafts.get(id);
    this.history.checkpoint(id, 'submit');
    // Its files first, so that the portal never holds a text whose images it lacks.
    const uploads = collectMediaRefs(draft.article).map((media): OutboxEntry => ({ action: 'upload', payload: { sha256: media.sha256, mimeType: media.mimeType } }));
    this.outbox.enqueue(id, ...uploads, { action: 'save', payload: { article: draft.article } }, { action: 'submit', payload: override ? { override } : {} });
  }

  /**
   * "Freigeben" or "Änderungen erbitten" for exactly the revision shown. Nobody approves a
   * revision they wrote or changed: the app says so before the portal would.
   */
  review(id: string, action: 'approve' | 'request_changes', revision: number): void {
    const copy = this.store.copy(id);
    if (!copy) throw new Failure('not_found', 'sync.notInInbox');
    const me = this.connection.username();
    const wroteIt = copy.createdBy === me || copy.authors.includes(me ?? '');
    ask(action, { status: copy.status, publishedRevision: null, wroteIt }, { fourEyes: ['forbidden', 'sync.ownRevision'], otherwise: ['not_found', 'sync.notInInbox'] });
    this.outbox.enqueue(id, { action: 'transition', payload: { action, revision } });
  }

  /**
   * "Bearbeiten" in a review: the revision shown becomes the approver's local text of the release
   * (same id), based on that revision. Sent with "Zur Freigabe einreichen", it is a new revision
   * of the approver's, which then needs someone else's approval. Local changes not yet sent are
   * never replaced; an older local text is kept as a revision before the portal's takes its place.
   * (Not a transition of the table: nothing changes on the portal until the submission.)
   */
  edit(id: string): { id: string } {
    const copy = this.store.copy(id);
    if (!copy) throw new Failure('not_found', 'sync.notInInbox');
    const article = articleSchema.parse(JSON.parse(copy.content));
    const base = this.store.syncRow(id)?.portalRevision;
    const waiting = this.store.pending(id);
    let local: ReturnType<DraftStore['get']> | null;
    try {
      local = this.drafts.get(id);
    } catch {
      local = null;
    }
    if (!local) this.drafts.create(article, id);
    else if (waiting === 0 && base !== copy.revision) {
      this.history.checkpoint(id, 'conflict');
      this.drafts.save(id, local.version, completeArticle(article));
    }
    if (local?.deletedAt) this.drafts.restore(id);
    if (waiting === 0 || base === undefined) this.store.takeUp(id, copy.revision, copy.status, this.now().toISOString());
    this.changes.emit({ id });
    return { id };
  }

  /**
   * What "Veröffentlichen" or "Korrigieren" would put live: the approved revision as the portal
   * last answered with it. Null unless the release is approved and that text is known.
   */
  publishCandidate(id: string): PublishCandidate | null {
    const row = this.store.syncRow(id);
    if (!row || row.portalStatus !== 'approved' || row.portalContent === null || row.portalContentRevision === null) return null;
    return { revision: row.portalContentRevision, article: articleSchema.parse(JSON.parse(row.portalContent)) };
  }

  /** "Veröffentlichen": the approved revision, now or at a time, through the gate (and the portal's). */
  publish(id: string, at: string | null, override?: string): void {
    const row = this.store.syncRow(id);
    ask('publish', { status: row?.portalStatus ?? null, publishedRevision: row?.publishedRevision ?? null }, { alreadyPublished: ['conflict', 'sync.useCorrect'], ...notApproved });
    const when = at ? new Date(at) : this.now();
    const candidate = this.gate('publish', id, when, override);
    this.outbox.enqueue(id, {
      action: 'transition',
      payload: { action: 'publish', revision: candidate.revision, ...(at ? { at: when.toISOString() } : {}), ...(override ? { override } : {}) },
    });
  }

  /** "Korrigieren": a new approved revision of a published release goes live, with a correction note. */
  correct(id: string, reason: string, override?: string): void {
    const row = this.store.syncRow(id);
    ask('correct', { status: row?.portalStatus ?? null, publishedRevision: row?.publishedRevision ?? null }, notApproved);
    const candidate = this.gate('correct', id, this.now(), override);
    this.outbox.enqueue(id, { action: 'transition', payload: { action: 'correct', revision: candidate.revision, reason, ...(override ? { override } : {}) } });
  }

  /** "Zurückziehen": takes a published or scheduled release off the portal (approvers), with a reason. */
  withdraw(id: string, reason: string): void {
    const row = this.store.syncRow(id);
    // Someone else's release, from the approver's list of live releases.
    const copy = this.store.copy(id);
    const status = row?.portalStatus ?? copy?.status ?? null;
    const revision = row?.portalRevision ?? copy?.revision ?? null;
    ask('withdraw', { status, publishedRevision: row?.publishedRevision ?? null }, { otherwise: ['conflict', 'sync.notLive'] });
    if (revision === null) throw new Failure('conflict', 'sync.notLive');
    this.outbox.enqueue(id, { action: 'transition', payload: { action: 'withdraw', revision, reason } });
  }

  /**
   * Decides a conflict. "portal": the portal's version becomes the local text (what was local
   * stays a revision). "mine": the local text is sent again, now based on the portal's revision,
   * which the portal keeps in its history. Either way nothing is lost.
   */
  resolve(id: string, keep: 'mine' | 'portal'): void {
    const conflict = this.store.conflict(id);
    if (!conflict) return;
    if (keep === 'portal') {
      this.history.checkpoint(id, 'conflict');
      const draft = this.drafts.get(id);
      this.drafts.save(id, draft.version, completeArticle(conflict.article));
    }
    this.store.durably(() => {
      this.store.moveBase(id, conflict.portalRevision, this.now().toISOString());
      this.store.forgetConflict(id);
    });
    if (keep === 'mine') this.outbox.enqueue(id, { action: 'save', payload: { article: this.drafts.get(id).article } });
    this.changes.emit({ id });
  }

  /** A comment on one block of one revision (or an answer to one): through the outbox. */
  comment(id: string, blockId: string, revision: number, text: string): void {
    this.outbox.enqueue(id, { action: 'comment', payload: { blockId, revision, text } });
  }

  /** "Erledigt": a comment resolved, through the outbox. */
  resolveComment(id: string, commentId: string): void {
    this.outbox.enqueue(id, { action: 'resolve', payload: { commentId } });
  }

  /** The approved revision that would go live, through the gate; refused while its text is not known here. */
  private gate(action: 'publish' | 'correct', id: string, at: Date, override: string | undefined): PublishCandidate {
    const candidate = this.publishCandidate(id);
    if (!candidate) throw new Failure('conflict', 'sync.noPublishCandidate');
    assertMayGoLive(action, candidate, { at, now: this.now(), profile: this.connection.cachedProfile(), override, reviewer: this.connection.reviewer() });
    return candidate;
  }
}
