import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

/**
 * A release from outside (here: created through the contract without any ids, as an import or
 * another client would) is stored complete, so opening it in the editor rewrites nothing: the
 * first open is like every later one. Its last block is a list, after which the editor keeps a
 * paragraph to type into: that one is stored with it too.
 */
test('opening a release that came without block ids and ends in a list does not store it again', async ({ app }) => {
  const page = app.page;
  const item = (value: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] });
  const created = await page.evaluate(async (content) => {
    const result = await window.pressestelle.drafts.create({
      article: { format: 'pressestelle/article', formatVersion: 1, meta: { title: 'Ohne Ids', lead: 'Von außen.' }, body: { type: 'doc', content } } as never,
    });
    if (!result.ok) throw new Error(result.error.message);
    return { id: result.value.id, version: result.value.version };
  }, [
    { type: 'paragraph', content: [{ type: 'text', text: 'Ein Absatz.' }] },
    { type: 'quote', attrs: { speaker: 'Jemand', role: '' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ein Zitat.' }] }] },
    // Ending in a list: the editor wants a paragraph after it to type into.
    { type: 'bulletList', content: [item('Eins'), { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zwei' }] }, { type: 'orderedList', content: [item('Innen')] }] }] },
  ]);
  const version = () =>
    page.evaluate(async (id) => {
      const result = await window.pressestelle.drafts.get({ id });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.version;
    }, created.id);

  await page.reload();
  await new DraftListPage(page).open('Ohne Ids');
  const editor = new EditorPage(page);
  await expect(editor.body).toContainText('Innen');
  // Longer than the autosave's wait: a rewrite would have been stored by now.
  await page.waitForTimeout(1_500);
  await expect(editor.saveState).toHaveText('Gespeichert');
  expect(await version()).toBe(created.version);
});
