import { describe, expect, it } from 'vitest';
import { emptyArticle } from '../../common/article.js';
import { articleFromTemplate, templateFromArticle, templateSchema } from '../../common/templates.js';

describe('templates ("Vorlagen")', () => {
  it('a new release from a template takes its settings and blocks, nothing else', () => {
    const template = templateSchema.parse({ id: 't', name: 'Standard', meta: { ministry: 'Thüringer Finanzministerium', place: 'Erfurt', topics: ['Finanzen'] } });
    const article = articleFromTemplate(template);
    expect(article.meta).toMatchObject({ title: '', lead: '', ministry: 'Thüringer Finanzministerium', place: 'Erfurt', topics: ['Finanzen'], contact: emptyArticle().meta.contact });
    expect(article.body).toEqual(emptyArticle().body);
  });

  it('a release kept as a template leaves its title, lead, date and embargo behind', () => {
    const release = { ...emptyArticle(), meta: { ...emptyArticle().meta, title: 'Titel', lead: 'Vorspann', date: '2026-12-02', embargo: '2026-12-03T10:00', place: 'Weimar', topics: ['Kultur'] } };
    const template = templateFromArticle('id-1', 'Kultur', release);
    expect(templateSchema.parse(template)).toEqual(template);
    const again = articleFromTemplate(template);
    expect(again.meta).toMatchObject({ title: '', lead: '', date: '', embargo: '', place: 'Weimar', topics: ['Kultur'] });
  });
});
