import { randomUUID } from 'node:crypto';
import type { Article } from '../../common/article.js';
import { templateFromArticle, templateSchema, type Template } from '../../common/templates.js';
import { Failure } from '../../common/result.js';
import type { SqliteDatabase } from './database.js';

/** The person's own templates, kept in the data folder; newest first. */
export class TemplateStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
  ) {}

  list(): Template[] {
    return this.db
      .prepare<[], string>('SELECT content FROM templates ORDER BY created_at DESC, id')
      .pluck()
      .all()
      .flatMap((content) => {
        const parsed = templateSchema.safeParse(JSON.parse(content));
        return parsed.success ? [parsed.data] : [];
      });
  }

  /** "Als Vorlage speichern": the release's settings and blocks under a name. */
  save(name: string, article: Article): Template {
    const template = templateFromArticle(randomUUID(), name, article);
    this.db.prepare('INSERT INTO templates (id, name, content, created_at) VALUES (?, ?, ?, ?)').run(template.id, template.name, JSON.stringify(template), this.now().toISOString());
    return template;
  }

  remove(id: string): { id: string } {
    if (this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes === 0) throw new Failure('not_found', 'templates.notFound');
    return { id };
  }
}
