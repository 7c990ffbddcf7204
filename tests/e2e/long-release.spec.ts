import type { Page } from '@playwright/test';
import type { Editor } from '@tiptap/core';
import { largeRelease } from '../fixtures/large-release.js';
import { checkAccessibility } from './axe.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';

/**
 * A long release draws its structured blocks in full only near the view, elsewhere as their
 * text (renderer/src/editor/offscreen-blocks.ts). What a person does far down must work as
 * anywhere: typing there is saved, and undo from the top goes back there and draws it again.
 */
test.use({ bypassCSP: true }); // only to inject axe-core

const BLOCKS = 400;
/** The last quote of largeRelease(400): every 15th block from the 4th is a quote. */
const LAST_QUOTE = 'bench-393';
const QUOTE_TEXT = '„Wir müssen raus aus der Komplexitätsfalle.“';

/** Creates and opens the long release; counts the top-level elements the editor removes from the page from then on. */
async function openLongRelease(page: Page): Promise<EditorPage> {
  await page.evaluate(async (article) => {
    const result = await window.pressestelle.drafts.create({ article: article as never });
    if (!result.ok) throw new Error(result.error.message);
  }, largeRelease(BLOCKS));
  await page.reload();
  await page.evaluate(() => {
    const counter = window as unknown as { removedBlocks: number };
    counter.removedBlocks = 0;
    new MutationObserver((records) => {
      for (const record of records) if (record.target instanceof Element && record.target.classList.contains('article-body')) counter.removedBlocks += record.removedNodes.length;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await new DraftListPage(page).open(`Benchmark mit ${BLOCKS} Bausteinen`);
  return new EditorPage(page);
}

const removedBlocks = (page: Page) => page.evaluate(() => (window as unknown as { removedBlocks: number }).removedBlocks);

async function storedQuoteText(page: Page): Promise<string> {
  const node = (await new BlockEditor(page).storedBody()).content.find((block) => block.attrs?.id === LAST_QUOTE);
  return JSON.stringify(node?.content ?? null);
}

test('in a long release, a block far from the view is its text only, and drawn in full once it is scrolled to', async ({ app }) => {
  const page = app.page;
  const editor = await openLongRelease(page);
  const quote = page.locator(`.article-body > [data-id="${LAST_QUOTE}"]`);
  await expect(quote).toHaveClass(/offscreen-block/);
  await expect(quote).toHaveText(QUOTE_TEXT);
  // Most structured blocks are far away: one element each instead of their 6 to 19 nodes.
  await expect.poll(() => page.locator('.article-body > .offscreen-block').count()).toBeGreaterThan(250);
  // Drawn once at open: only the few blocks near the view were swapped for their full drawing,
  // the document was not drawn a second time (TipTap's EditorContent would, see use-body-editor.ts).
  await editor.expectSaved();
  expect(await removedBlocks(page)).toBeLessThan(50);
  // axe finds nothing about the placeholders.
  const { violations } = await checkAccessibility(page, '.article-body');
  const targets = violations.flatMap((violation) => violation.targets);
  expect(await page.evaluate((all) => all.filter((target) => document.querySelector(target)?.classList.contains('offscreen-block')), targets)).toEqual([]);

  await quote.scrollIntoViewIfNeeded();
  await expect(quote).not.toHaveClass(/offscreen-block/);
  await expect(quote.locator('p')).toHaveText(QUOTE_TEXT);
  // The first blocks are now far above: drawn as their text again.
  await expect(page.locator('.article-body > [data-id="bench-3"]')).toHaveClass(/offscreen-block/);
  await editor.expectSaved();
});

test('typing into a block far down is saved, and undo from the top of a long release goes back there', async ({ app }) => {
  const page = app.page;
  const editor = await openLongRelease(page);
  const quote = page.locator(`.article-body > [data-id="${LAST_QUOTE}"]`);
  await quote.scrollIntoViewIfNeeded();
  await quote.locator('p').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Ergänzt.');
  await expect(quote.locator('p')).toHaveText(`${QUOTE_TEXT} Ergänzt.`);
  await editor.expectSaved();
  expect(await storedQuoteText(page)).toContain('Ergänzt.');

  // Back at the top with the cursor there, the quote is far away and shows its new text.
  await page.evaluate(() => window.scrollTo(0, 0));
  await editor.body.locator('p').first().click();
  await expect(quote).toHaveClass(/offscreen-block/);
  await expect(quote).toHaveText(`${QUOTE_TEXT} Ergänzt.`);

  // Undo selects where the change was: the quote is drawn in full, in view, without the words.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(quote).not.toHaveClass(/offscreen-block/);
  await expect(quote.locator('p')).toHaveText(QUOTE_TEXT);
  await expect(quote).toBeInViewport();
  await editor.expectSaved();
  expect(await storedQuoteText(page)).not.toContain('Ergänzt.');
});

test('a block in view that a change replaces away from the cursor is drawn again, and a hidden editor draws nothing more', async ({ app }) => {
  const page = app.page;
  const editor = await openLongRelease(page);
  const table = page.locator('.article-body > [data-id="bench-4"]');
  await expect(table).not.toHaveClass(/offscreen-block/);
  await editor.body.locator('p').first().click();
  // As a fix from "Prüfung" does: new attributes for the block, the cursor elsewhere.
  await page.evaluate(() => {
    const { view } = (document.querySelector('.article-body') as unknown as { editor: Editor }).editor;
    view.state.doc.forEach((node, offset) => {
      if (node.attrs.id === 'bench-4') view.dispatch(view.state.tr.setNodeMarkup(offset, undefined, { ...node.attrs, caption: 'Neu beschriftet' }));
    });
  });
  await expect(table).not.toHaveClass(/offscreen-block/);
  await expect(table.locator('td').first()).toBeVisible();

  // In the preview the editor is hidden: scrolling there must not draw the whole release.
  const placeholders = page.locator('.article-body > .offscreen-block');
  const before = await placeholders.count();
  await page.getByRole('button', { name: 'Vorschau' }).click();
  await expect(page.getByRole('region', { name: 'Vorschau' })).toBeVisible();
  await page.mouse.wheel(0, 4000);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await placeholders.count()).toBe(before);
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  await expect(editor.body).toBeVisible();
  await expect.poll(() => placeholders.count()).toBeGreaterThan(250);
  await editor.expectSaved();
});

test('in a short release, a table stays the same element while a person types in it', async ({ app }) => {
  const page = app.page;
  const blocks = await BlockEditor.inNewRelease(page, 'Tabelle');
  const wrapper = await blocks.body.locator(':scope > .tableWrapper').elementHandle();
  await blocks.body.locator('th').first().click();
  await page.keyboard.type('Jahr');
  await expect(blocks.body.locator('th').first()).toHaveText('Jahr');
  // Redrawing the block at each key would lose the spelling marks and a composition in progress.
  expect(await wrapper!.evaluate((element) => element.isConnected)).toBe(true);
  await new EditorPage(page).expectSaved();
});
