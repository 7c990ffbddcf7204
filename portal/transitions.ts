import type { Article } from '../common/article.js';
import { berlinToInstant, formatBerlinLocal } from '../common/berlin-time.js';
import { blockOfNode } from '../common/blocks/catalog.js';
import { checkArticle } from '../common/checks/rules.js';
import { slugify } from '../common/german-folding.js';
import { formatMessage } from '../common/messages/index.js';
import type { ArticleStatus, PortalArticle, PortalErrorCode, Profile, TransitionRequest } from '../common/portal-api.js';
import { refusal, reviewerRoles, statusAfter, workflow, type Refusal, type TransitionAction } from '../common/workflow.js';
import type { ArticleRow, ArticleStore } from './articles.js';
import type { PortalDatabase } from './database.js';
import { fail, PortalFailure } from './failure.js';
import type { DeliveryQueue } from './deliveries.js';
import type { HistoryLog } from './history.js';
import { portalMessage, type PortalMessage } from './messages.js';
import type { User } from './users.js';
import type { ProfileConfig } from './profile.js';

/** The portal's answer to each refusal of the workflow table (`common/workflow.ts`). */
const refusals: Readonly<Record<Refusal, { status: number; code: PortalErrorCode; message: PortalMessage }>> = {
  role: { status: 403, code: 'forbidden', message: 'forbiddenRole' },
  status: { status: 409, code: 'conflict', message: 'wrongState' },
  notApproved: { status: 409, code: 'conflict', message: 'notApproved' },
  alreadyPublished: { status: 409, code: 'conflict', message: 'useCorrect' },
  neverPublished: { status: 409, code: 'conflict', message: 'neverPublished' },
  fourEyes: { status: 403, code: 'forbidden', message: 'fourEyes' },
  reason: { status: 422, code: 'invalid_content', message: 'reasonRequired' },
};

const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Entwurf',
  in_review: 'In Prüfung',
  changes_requested: 'Änderungen erbeten',
  approved: 'Freigegeben',
  scheduled: 'Geplant',
  published: 'Veröffentlicht',
  withdrawn: 'Zurückgezogen',
};

/** One action the table allowed, with everything its effect needs (the revision's content read once). */
interface Step {
  user: User;
  row: ArticleRow;
  request: TransitionRequest;
  article: Article;
  now: string;
}

export interface TransitionsOptions {
  db: PortalDatabase;
  articles: ArticleStore;
  history: HistoryLog;
  profileConfig: ProfileConfig;
  /** The profile as the API answers it: the checks run with it, as in the editor. */
  profile: () => Profile;
  now: () => Date;
  /** The publish queue: a job per destination, written with the transition. */
  deliveries: DeliveryQueue;
}

/**
 * The workflow's authority: the table in `common/workflow.ts` says who may do what when; this
 * carries it out — the checks gate, the refusals in German, each action's effect, the history,
 * and the scheduler that puts releases live at their time.
 */
export class Transitions {
  constructor(private readonly options: TransitionsOptions) {}

  /** What each action does once the table allows it: a new action is a row in the table and an effect here. */
  private readonly effects: Readonly<Record<TransitionAction, (step: Step) => void>> = {
    submit: (step) => this.set(step, { status: statusAfter('submit', false) }),
    request_changes: (step) => this.set(step, { status: statusAfter('request_changes', false) }),
    approve: (step) => this.set(step, { status: statusAfter('approve', false), approved_revision: step.request.revision, approved_by: step.user.name }),
    publish: (step) => this.goLiveOrSchedule(step),
    correct: (step) => this.goLiveOrSchedule(step),
    withdraw: (step) => {
      const live = step.row.status === 'published';
      this.set(step, { status: statusAfter('withdraw', false), scheduled_at: null, withdrawn_at: live ? step.now : null });
      if (live) this.options.deliveries.enqueue(step.row, step.row.published_revision!, 'withdraw');
    },
  };

  transition(user: User, id: string, request: TransitionRequest): PortalArticle {
    const { articles, history } = this.options;
    const row = articles.requireFor(user, id);
    const { action, revision } = request;
    if (revision !== row.revision) fail(409, 'conflict', 'staleTransition', { requested: revision, current: row.revision });
    const article = articles.content(id, revision);
    const rule = workflow[action];
    const overridden = rule.checks ? this.checksGate(user, article, request.override) : null;
    const refused = refusal(action, {
      status: row.status,
      role: user.role,
      revision,
      approvedRevision: row.approved_revision,
      publishedRevision: row.published_revision,
      wroteIt: rule.fourEyes && this.wroteIt(row, user.name),
      reason: request.reason ?? null,
    });
    if (refused) {
      const answer = refusals[refused];
      fail(answer.status, answer.code, answer.message, { action, status: statusLabels[row.status], role: user.role, revision });
    }
    // A block the portal cannot render is refused whatever the override: at submit already, and when it would go live.
    if (rule.checks || rule.goesLive) this.assertRenderable(article);
    // The effect, its delivery jobs and the history commit together.
    this.options.db.transaction(() => {
      this.effects[action]({ user, row, request, article, now: this.stamp() });
      if (overridden) history.append(id, user.name, 'override', revision, overridden);
      const reason = request.reason?.trim() || null;
      history.append(id, user.name, action === 'publish' && request.at && new Date(request.at) > this.options.now() ? 'schedule' : action, revision, reason);
    })();
    return articles.toResource(articles.require(id), article);
  }

  /** Publishes every scheduled article whose time has come; run every few seconds and at start. */
  runScheduler(): string[] {
    const { db, articles, history } = this.options;
    const due = db.prepare<[string], ArticleRow>(`SELECT * FROM articles WHERE status = 'scheduled' AND scheduled_at <= ?`).all(this.stamp());
    const published: string[] = [];
    for (const row of due) {
      db.transaction(() => {
        const article = articles.content(row.id, row.approved_revision!);
        const embargo = article.meta.embargo ? berlinToInstant(article.meta.embargo).getTime() : 0;
        // The embargo is checked again: nothing goes live before it, whatever was scheduled.
        if (embargo > this.options.now().getTime()) return;
        const unrenderable = this.unrenderableBlocks(article);
        if (unrenderable.length > 0) {
          db.prepare(`UPDATE articles SET status = 'approved', scheduled_at = NULL WHERE id = ?`).run(row.id);
          history.append(row.id, 'system', 'schedule_failed', row.revision, unrenderable.map((block) => block.message).join(' '));
          return;
        }
        this.goLive(row, row.approved_revision!, row.published_revision !== null, this.stamp(), 'system', article);
        history.append(row.id, 'system', 'published', row.approved_revision!, null);
        published.push(row.id);
      })();
    }
    return published;
  }

  /**
   * The same checks as the editor: errors stop the action unless a reviewer overrides them with a
   * reason (returned for the history). Renderability is not among them: it is never overridden.
   */
  private checksGate(user: User, article: Article, override: string | undefined): string | null {
    const errors = checkArticle(article, { profile: this.options.profile(), now: this.options.now() }).filter(
      (finding) => finding.severity === 'error' && finding.ruleId !== 'preflight.renderable',
    );
    if (errors.length === 0) return null;
    if (!override) {
      throw new PortalFailure(422, 'invalid_content', portalMessage('checksFailed', { count: errors.length }), errors.map((finding) => ({ ...(finding.blockId ? { blockId: finding.blockId } : {}), path: finding.ruleId, message: finding.message })));
    }
    if (!reviewerRoles.includes(user.role)) fail(403, 'forbidden', 'overrideRole');
    return `${override.trim()} [${[...new Set(errors.map((finding) => finding.ruleId))].join(', ')}]`;
  }

  /** Whether the person created the release or wrote a revision of it (Vier-Augen-Prinzip). */
  private wroteIt(row: ArticleRow, name: string): boolean {
    const wrote = this.options.db.prepare<[string, string], number>('SELECT 1 FROM revisions WHERE article_id = ? AND author = ? LIMIT 1').pluck().get(row.id, name);
    return wrote === 1 || row.created_by === name;
  }

  private set({ user, row, now }: Step, columns: Partial<ArticleRow>): void {
    this.options.articles.update(row.id, columns, user.name, now);
  }

  /** Publish or correct: never before the embargo; now, or scheduled for a time to come. */
  private goLiveOrSchedule(step: Step): void {
    const { row, request, article, user, now } = step;
    const at = request.at ? new Date(request.at) : this.options.now();
    const embargo = article.meta.embargo ? berlinToInstant(article.meta.embargo) : null;
    if (embargo && at.getTime() < embargo.getTime()) fail(422, 'invalid_content', 'beforeEmbargo', { embargo: formatBerlinLocal(article.meta.embargo) });
    if (request.at && at.getTime() > this.options.now().getTime()) {
      this.set(step, { status: statusAfter(request.action, true), scheduled_at: at.toISOString() });
    } else if (request.at && this.options.now().getTime() - at.getTime() > 60_000) {
      fail(422, 'invalid_content', 'scheduleInPast');
    } else {
      this.goLive(row, request.revision, workflow[request.action].published === true, now, user.name, article);
    }
  }

  private goLive(row: ArticleRow, revision: number, correction: boolean, now: string, actor: string, article: Article): void {
    const slug = row.slug ?? `${slugify(article.meta.title, { fallback: 'medieninformation' })}-${row.id.slice(0, 8)}`;
    this.options.db
      .prepare(
        `UPDATE articles SET status = 'published', published_revision = ?, slug = ?, scheduled_at = NULL, withdrawn_at = NULL,
           published_at = COALESCE(published_at, ?), corrected_at = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
      )
      .run(revision, slug, now, correction ? now : row.corrected_at, actor, now, row.id);
    this.options.deliveries.enqueue(row, revision, correction ? 'correct' : 'publish');
  }

  /** The blocks whose element type the profile cannot render, each named in German. */
  private unrenderableBlocks(article: Article): Array<{ blockId: string; message: string }> {
    const renderable = new Map(this.options.profileConfig.elementTypes.map((type) => [type.name, type.renderable]));
    return article.body.content.flatMap((node) => {
      const block = blockOfNode(node.type);
      if (!block || renderable.get(block.elementType) === true) return [];
      return [{ blockId: typeof node.attrs?.id === 'string' ? node.attrs.id : '', message: portalMessage('notRenderable', { label: formatMessage(block.label), type: block.elementType }) }];
    });
  }

  private assertRenderable(article: Article): void {
    const blocks = this.unrenderableBlocks(article);
    if (blocks.length > 0) throw new PortalFailure(422, 'invalid_content', blocks.map((block) => block.message).join(' '), blocks);
  }

  private stamp(): string {
    return this.options.now().toISOString();
  }
}
