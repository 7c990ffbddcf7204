import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { EditorPage } from './pages/editor-page.js';

const PARAGRAPHS = 300;

/** The release's body as stored, read through the app's own bridge. */
function storedTexts(page: Page, id: string): Promise<string[]> {
  return page.evaluate(async (draftId) => {
    const result = await window.pressestelle.drafts.get({ id: draftId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.article.body.content.map((block) => (block.content ?? []).map((inline) => inline.text ?? '').join(''));
  }, id);
}

/**
 * A save sends only the blocks typed into since the last one; what is stored is still the whole
 * release exactly as the editor shows it, and a second window that saves on an older version
 * still gets its text kept as a copy of its own.
 */
test('a save of a long release sends only the changed block, stores the whole text, and a second window still gets its copy', async ({ app }) => {
  const page = app.page;
  const texts = Array.from({ length: PARAGRAPHS }, (_, index) => `Absatz ${index + 1} der langen Pressemitteilung.`);
  const id = await page.evaluate(async (paragraphs) => {
    const result = await window.pressestelle.drafts.create({
      article: {
        format: 'pressestelle/article',
        formatVersion: 1,
        meta: { title: 'Lange Fassung', lead: 'Viele Absätze.' },
        body: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
      } as never,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.id;
  }, texts);
  const sent: Array<{ method: string; bytes: number }> = [];
  page.on('request', (request) => {
    const method = /\/api\/(drafts\.save\w*)$/.exec(request.url())?.[1];
    if (method) sent.push({ method, bytes: request.postDataBuffer()?.length ?? 0 });
  });

  // A second window on the same version, opened before the first one saves.
  const other = await page.context().newPage();
  await other.goto(app.entry.url);
  await other.goto(new URL(`/#/pressemitteilung/${id}`, app.entry.url).href);
  const otherEditor = new EditorPage(other);
  await expect(otherEditor.body.locator('p').nth(PARAGRAPHS - 1)).toHaveText(texts.at(-1)!);

  await page.goto(new URL(`/#/pressemitteilung/${id}`, app.entry.url).href);
  const editor = new EditorPage(page);
  const middle = editor.body.locator('p').nth(149);
  await expect(middle).toHaveText(texts[149]!);
  await middle.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Ergänzt.');
  await editor.expectSaved();
  await editor.body.locator('p').nth(PARAGRAPHS - 1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Am Ende.');
  await editor.expectSaved();

  const expected = texts.map((text, index) => (index === 149 ? `${text} Ergänzt.` : text));
  expect(await storedTexts(page, id)).toEqual([...expected.slice(0, -1), `${texts.at(-1)!} Am Ende.`]);
  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) {
    expect(request.method).toBe('drafts.saveChanges');
    // The whole release is over 15 KB as JSON; a change is a block and a few ranges.
    expect(request.bytes).toBeLessThan(2_000);
  }

  // The other window still builds on the first version: its text becomes a copy, nothing is overwritten.
  await other.bringToFront();
  await otherEditor.body.locator('p').first().click({ position: { x: 1, y: 5 } });
  await other.keyboard.type('Anderswo: ');
  await expect(other.getByText(/Ihr Text ist als eigene Fassung „Lange Fassung \(Ihre Fassung\)“ gesichert/)).toBeVisible();
  expect(await storedTexts(page, id)).toEqual([...expected.slice(0, -1), `${texts.at(-1)!} Am Ende.`]);
  const copyId = decodeURIComponent(new URL(other.url()).hash.replace('#/pressemitteilung/', ''));
  expect(copyId).not.toBe(id);
  await expect.poll(() => storedTexts(other, copyId)).toEqual([`Anderswo: ${texts[0]!}`, ...texts.slice(1)]);
  await other.close();
});
