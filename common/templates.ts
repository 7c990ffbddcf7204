import { z } from 'zod';
import { articleBodySchema, emptyArticle, type Article } from './article.js';

/**
 * A template ("Vorlage") for a new press release: the ministry, place, press contact, topics and
 * standard blocks ("Über das Ministerium") a new release starts with. The portal's profile
 * delivers the ministries' templates; a person keeps their own ("Als Vorlage speichern").
 */
export const templateSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(120),
  meta: z
    .object({
      ministry: z.string().max(200).optional(),
      place: z.string().max(200).optional(),
      contact: z.object({ name: z.string().max(200), phone: z.string().max(100), email: z.string().max(200) }).optional(),
      topics: z.array(z.string().max(100)).max(20).optional(),
    })
    .default({}),
  /** The standard blocks; none: the empty paragraph of a new release. */
  body: articleBodySchema.nullable().default(null),
});
export type Template = z.infer<typeof templateSchema>;

/** A new release from a template: its settings and blocks, title and lead left to write. */
export function articleFromTemplate(template: Template): Article {
  const empty = emptyArticle();
  const { ministry, place, contact, topics } = template.meta;
  return {
    ...empty,
    meta: { ...empty.meta, ...(ministry ? { ministry } : {}), ...(place ? { place } : {}), ...(contact ? { contact } : {}), ...(topics ? { topics } : {}) },
    body: template.body ?? empty.body,
  };
}

/** What a release keeps as a template: its settings and its blocks, not its title, lead, date or embargo. */
export function templateFromArticle(id: string, name: string, article: Article): Template {
  const { ministry, place, contact, topics } = article.meta;
  return { id, name, meta: { ministry, place, contact, topics }, body: article.body };
}
