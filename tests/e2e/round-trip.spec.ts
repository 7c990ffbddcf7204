import { readFileSync } from 'node:fs';
import { emptyArticle, type Article, type ArticleBody, type DocumentNode } from '../../common/article.js';
import { documentSchema } from '../../common/blocks/catalog.js';
import { allBlocksBody } from '../fixtures/all-blocks.js';
import { expect, test } from './fixtures.js';
import { EditorPage } from './pages/editor-page.js';

/** Canonical block JSON without ids: the editor gives nested paragraphs ids of their own. */
function canonicalBlocks(body: ArticleBody): unknown[] {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, strip(inner)]));
    return value;
  };
  const json = documentSchema().nodeFromJSON(body).toJSON() as { content: DocumentNode[] };
  const blocks = [...json.content];
  // TipTap keeps an empty paragraph after a final non-text block, so there is always a place to type.
  while (blocks.length > 0 && blocks.at(-1)!.type === 'paragraph' && !blocks.at(-1)!.content) blocks.pop();
  return blocks.map(strip);
}

const cases: Array<[string, () => Article]> = [
  ['every block, filled', () => ({ ...emptyArticle(), meta: { ...emptyArticle().meta, title: 'Rundreise' }, body: allBlocksBody() })],
  ['the demo release', () => JSON.parse(readFileSync(new URL('../fixtures/demo-release.json', import.meta.url), 'utf8')) as Article],
];

for (const [name, article] of cases) {
  test(`JSON -> editor -> JSON keeps ${name} block by block`, async ({ app }) => {
    // These documents name files that are not in this data folder's media store.
    app.allowConsoleErrors = true;
    const input = article();
    const id = await app.page.evaluate(async (value) => {
      const result = await window.pressestelle.drafts.create({ article: value });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.id;
    }, input);
    await app.page.evaluate((draftId) => (location.hash = `#/pressemitteilung/${draftId}`), id);
    const editor = new EditorPage(app.page);
    await expect(editor.title).toHaveValue(input.meta.title);
    // The title wraps (a text area): Ctrl+End is the end of the text, End only of its first line.
    await editor.title.press('ControlOrMeta+End');
    await editor.title.press('!');
    await editor.expectSaved();

    const stored = await app.page.evaluate(async (draftId) => {
      const result = await window.pressestelle.drafts.get({ id: draftId });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.article;
    }, id);
    expect(stored.meta.title).toBe(`${input.meta.title}!`);
    const expected = canonicalBlocks(input.body);
    const actual = canonicalBlocks(stored.body);
    expect(actual.length).toBe(expected.length);
    for (const [index, block] of expected.entries()) expect(actual[index], `block ${index} (${(block as DocumentNode).type})`).toEqual(block);
    expect(app.consoleErrors.filter((message) => !message.includes('status of 404'))).toEqual([]);
    await expect(app.page.locator('.article-body img.media-missing').first()).toBeAttached();
  });
}
