import { articleSchema, type Article } from '../common/article.js';
import type { ArticleStatus, PortalArticle, PortalDelivery } from '../common/portal-api.js';
import type { PortalDatabase } from './database.js';
import { fail } from './failure.js';
import { mayAccess } from './ministries.js';
import type { User } from './users.js';

export interface ArticleRow {
  id: string;
  revision: number;
  status: ArticleStatus;
  slug: string | null;
  approved_revision: number | null;
  approved_by: string | null;
  published_revision: number | null;
  scheduled_at: string | null;
  published_at: string | null;
  corrected_at: string | null;
  withdrawn_at: string | null;
  /** The id of the ministry it belongs to; null: none known (admins only). */
  ministry: string | null;
  created_by: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

/** The articles and their immutable revisions, and the resource the API answers with. */
export class ArticleStore {
  /** Where each article was delivered (set by the portal once its publish queue exists). */
  deliveriesOf: (id: string) => PortalDelivery[] = () => [];

  constructor(
    private readonly db: PortalDatabase,
    private readonly baseUrl: string,
  ) {}

  find(id: string): ArticleRow | undefined {
    return this.db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
  }

  require(id: string): ArticleRow {
    const row = this.find(id);
    if (!row) fail(404, 'not_found', 'articleNotFound');
    return row;
  }

  /** The article if the user may reach it; one of another ministry is "not found", as if it did not exist. */
  requireFor(user: User, id: string): ArticleRow {
    const row = this.find(id);
    if (!row || !mayAccess(user, row.ministry)) fail(404, 'not_found', 'articleNotFound');
    return row;
  }

  /** A revision's content, parsed: read it once and pass it on, it is the expensive part. */
  content(id: string, revision: number): Article {
    const content = this.db.prepare<[string, number], string>('SELECT content FROM revisions WHERE article_id = ? AND number = ?').pluck().get(id, revision);
    if (content === undefined) fail(404, 'not_found', 'notFound');
    return articleSchema.parse(JSON.parse(content));
  }

  /** A revision's content as stored, unparsed. */
  storedContent(id: string, revision: number): string | undefined {
    return this.db.prepare<[string, number], string>('SELECT content FROM revisions WHERE article_id = ? AND number = ?').pluck().get(id, revision);
  }

  insertRevision(id: string, number: number, content: string, author: string, at: string): void {
    this.db.prepare('INSERT INTO revisions (article_id, number, content, author, created_at) VALUES (?, ?, ?, ?, ?)').run(id, number, content, author, at);
    this.db.prepare('INSERT OR IGNORE INTO article_authors (article_id, author) VALUES (?, ?)').run(id, author);
  }

  /** Sets columns of an article, and who changed it when. */
  update(id: string, columns: Partial<ArticleRow>, actor: string, at: string): void {
    const entries = Object.entries({ ...columns, updated_by: actor, updated_at: at });
    this.db.prepare(`UPDATE articles SET ${entries.map(([key]) => `${key} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, value]) => value), id);
  }

  /** The API's resource; `article` is the content of the row's current revision, if it was read already. */
  toResource(row: ArticleRow, article: Article = this.content(row.id, row.revision)): PortalArticle {
    return {
      id: row.id,
      revision: row.revision,
      status: row.status,
      article,
      approvedRevision: row.approved_revision,
      publishedRevision: row.published_revision,
      scheduledAt: row.scheduled_at,
      publishedAt: row.published_at,
      correctedAt: row.corrected_at,
      url: row.slug && row.published_revision !== null ? `${this.baseUrl}/presse/${row.slug}` : null,
      createdBy: row.created_by,
      updatedBy: row.updated_by,
      authors: this.db.prepare<[string], string>('SELECT author FROM article_authors WHERE article_id = ? ORDER BY author').pluck().all(row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deliveries: this.deliveriesOf(row.id),
    };
  }
}
