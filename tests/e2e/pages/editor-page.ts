import { expect, type Locator, type Page } from '@playwright/test';
import type { Editor } from '@tiptap/core';
import { DraftListPage } from './draft-list-page.js';

/**
 * How the checks mark a top-level block as a whole, read from what is shown: a wavy underline
 * for a warning, with a bar at its side for an error (renderer/src/editor/block-flags.ts).
 */
export function blockMark(block: Locator): Promise<'error' | 'warning' | null> {
  return block.evaluate((element) => {
    const style = getComputedStyle(element);
    if (style.textDecorationStyle !== 'wavy' || !style.textDecorationLine.includes('underline')) return null;
    return style.boxShadow === 'none' ? 'warning' : 'error';
  });
}

/** The editor of one press release. */
export class EditorPage {
  readonly title: Locator;
  readonly lead: Locator;
  readonly body: Locator;
  readonly saveState: Locator;
  readonly backButton: Locator;

  constructor(private readonly page: Page) {
    this.title = page.locator('article.article-form').getByLabel('Titel', { exact: true });
    this.lead = page.locator('article.article-form').getByLabel('Vorspann', { exact: true });
    this.body = page.locator('article.article-form').getByRole('textbox', { name: 'Text', exact: true });
    this.saveState = page.getByTestId('save-state');
    this.backButton = page.getByRole('button', { name: 'Zur Übersicht' });
  }

  /** Types paragraphs into the body as a person would, Enter between them. */
  async typeParagraphs(paragraphs: string[]): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    for (const [index, paragraph] of paragraphs.entries()) {
      if (index > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(paragraph);
    }
  }

  /** The paragraphs of the body as they are now; use expectParagraphs to wait for them. */
  async paragraphs(): Promise<string[]> {
    return this.body.locator('p').allInnerTexts();
  }

  /** Waits until the body holds exactly these paragraphs (the editor may still be opening). */
  async expectParagraphs(paragraphs: string[]): Promise<void> {
    await expect(this.body.locator('p')).toHaveText(paragraphs);
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Gespeichert');
  }

  async back(): Promise<void> {
    await this.backButton.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pressemitteilungen' })).toBeVisible();
  }
}

/** Block editing: the insert menu, the side panel and the stored document. */
export class BlockEditor {
  readonly body: Locator;
  readonly insertButton: Locator;
  readonly menu: Locator;
  readonly panel: Locator;

  /** A new release with one block inserted by "/" after its paragraph; the cursor rests in that block. */
  static async inNewRelease(page: Page, query: string): Promise<BlockEditor> {
    await new DraftListPage(page).createNew();
    const blocks = new BlockEditor(page);
    await blocks.newParagraphAtEnd();
    await blocks.insertBySlash(query);
    return blocks;
  }

  constructor(private readonly page: Page) {
    this.body = page.locator('article.article-form').getByRole('textbox', { name: 'Text', exact: true });
    this.insertButton = page.getByRole('button', { name: '+ Baustein einfügen' });
    this.menu = page.getByRole('dialog', { name: 'Baustein einfügen' });
    this.panel = page.getByRole('complementary', { name: 'Seitenleiste' });
  }

  /**
   * Chooses a file for the block being edited through the file dialog, with the first button of
   * that name in the panel section "Baustein: …" (a chosen one reads "Andere Datei …").
   */
  async chooseFile(buttonName: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('region', { name: /^Baustein:/ }).getByRole('button', { name: buttonName }).first().click();
    await (await chooser).setFiles(file);
  }

  /** Puts the cursor into an empty paragraph at the end of the body, making one only if needed. */
  async newParagraphAtEnd(): Promise<void> {
    // Into the last line, as a person does: a click at the end of the last block, always a
    // paragraph (the editor keeps one after any other block). The body may still be growing (a
    // block just inserted lays itself out): click again until the editor has the cursor there.
    // Not Ctrl+End: in headless Chromium it now and then leaves the caret where it was.
    const last = this.body.locator(':scope > p:last-child');
    await expect(async () => {
      const box = (await last.boundingBox())!;
      await last.click({ position: { x: box.width - 2, y: box.height - 4 }, timeout: 2_000 });
      expect(await this.cursorAtEnd(), 'the editor has the cursor at the end of the body').toBe(true);
    }).toPass({ timeout: 20_000 });
    const endsEmpty = await this.body.evaluate((body) => {
      const last = body.lastElementChild;
      return last?.tagName === 'P' && (last.textContent ?? '') === '';
    });
    if (!endsEmpty) await this.page.keyboard.press('Enter');
  }

  /** Whether the editor (not only the browser) has an empty selection at the very end of the body. */
  private cursorAtEnd(): Promise<boolean> {
    return this.body.evaluate((body) => {
      const { state } = (body as unknown as { editor: Editor }).editor;
      const { $head, empty } = state.selection;
      return empty && $head.index(0) === state.doc.childCount - 1 && $head.parentOffset === $head.parent.content.size;
    });
  }

  /** Inserts a block by typing "/" and its name into an empty paragraph, keyboard only. */
  async insertBySlash(query: string): Promise<void> {
    // The precondition, so that a failure says which part did not hold (focus or paragraph).
    const caret = () =>
      this.page.evaluate(() => {
        const anchor = window.getSelection()?.anchorNode;
        const element = anchor instanceof Element ? anchor : anchor?.parentElement;
        const block = element?.closest('.article-body > *');
        return { focusInBody: document.activeElement?.classList.contains('article-body') ?? false, block: block ? `${block.tagName}:${block.textContent ?? ''}` : null };
      });
    await expect.poll(caret, { message: 'the cursor rests in an empty paragraph of the body' }).toEqual({ focusInBody: true, block: 'P:' });
    await this.page.keyboard.type('/');
    await expect(this.menu).toBeVisible();
    await this.page.keyboard.type(query);
    await this.page.keyboard.press('Enter');
    await expect(this.menu).toBeHidden();
  }

  async insertByButton(label: string): Promise<void> {
    await this.insertButton.click();
    await expect(this.menu).toBeVisible();
    await this.menu.getByRole('option', { name: new RegExp(`^${label}`) }).click();
    await expect(this.menu).toBeHidden();
  }

  /** A field of the block being edited (the panel section "Baustein: …"). */
  panelField(label: string): Locator {
    return this.page.getByRole('region', { name: /^Baustein:/ }).getByLabel(label, { exact: true });
  }

  /** A field of the release's details (the panel section "Angaben"). */
  detailsField(label: string): Locator {
    return this.page.getByRole('region', { name: 'Angaben' }).getByLabel(label, { exact: true });
  }

  /** The document as stored by main, read through the same bridge the app uses. */
  async storedBody(): Promise<{ type: string; content: Array<{ type: string; attrs?: Record<string, unknown>; content?: unknown[] }> }> {
    const id = decodeURIComponent(new URL(this.page.url()).hash.replace('#/pressemitteilung/', ''));
    return this.page.evaluate(async (draftId) => {
      const result = await window.pressestelle.drafts.get({ id: draftId });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.article.body;
    }, id);
  }
}
