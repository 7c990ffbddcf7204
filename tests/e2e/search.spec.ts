import { emptyArticle, type Article } from '../../common/article.js';
import { expect, test } from './fixtures.js';

function release(title: string, text: string): Article {
  return { ...emptyArticle(), meta: { ...emptyArticle().meta, title }, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

test('"Suche" finds German words in all their spellings, parts of compounds, and marks the passage', async ({ app }) => {
  const page = app.page;
  await page.evaluate(
    async (articles) => {
      for (const article of articles) {
        const result = await window.pressestelle.drafts.create({ article });
        if (!result.ok) throw new Error(result.error.message);
      }
    },
    [
      release('Sperrung der Lindenstraße', 'Bürgermeister Müller informiert über die Umleitung.'),
      release('ITOF in Dresden', 'Das Forum zur Verwaltungsdigitalisierung fand zum elften Mal statt.'),
      release('Haushalt 2027', 'Der Entwurf liegt vor.'),
    ],
  );
  const search = page.getByRole('searchbox', { name: 'Suche' });
  const results = page.getByRole('list', { name: 'Suchergebnisse' });

  await search.fill('Strasse');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('link')).toContainText('Sperrung der Lindenstraße');
  await expect(results.locator('mark')).toHaveText(['straße']);

  await search.fill('Mueller');
  await expect(results.locator('mark')).toHaveText(['Müller']);

  await search.fill('Verwaltung');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText(['Verwaltung']);
  await expect(results).toContainText('Das Forum zur Verwaltungsdigitalisierung');

  // Results update as you type, a prefix at a time.
  await search.fill('');
  await search.pressSequentially('Haush');
  await expect(results.getByRole('link')).toHaveText([/Haushalt 2027/]);

  await search.fill('Bundesrat');
  await expect(page.getByRole('heading', { name: 'Keine Pressemitteilung enthält „Bundesrat“.' })).toBeVisible();

  // Filters: status and date of last change.
  await search.fill('Haushalt');
  await page.getByLabel('Status').selectOption({ label: 'Papierkorb' });
  await expect(page.getByRole('heading', { name: 'Keine Pressemitteilung enthält „Haushalt“.' })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Alle' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Geändert bis').fill('2020-01-01');
  await expect(page.getByRole('heading', { name: 'Keine Pressemitteilung enthält „Haushalt“.' })).toBeVisible();

  // Clearing the search shows the list again.
  await page.getByLabel('Geändert bis').fill('');
  await search.fill('');
  await expect(page.getByRole('list', { name: 'Pressemitteilungen' }).getByRole('listitem')).toHaveCount(3);
});
