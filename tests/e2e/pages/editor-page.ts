import { expect, type Locator, type Page } from '@playwright/test';

/** The editor of one press release. */
export class EditorPage {
  readonly title: Locator;
  readonly lead: Locator;
  readonly body: Locator;
  readonly saveState: Locator;
  readonly backButton: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByLabel('Titel', { exact: true });
    this.lead = page.getByLabel('Vorspann', { exact: true });
    this.body = page.getByRole('textbox', { name: 'Text', exact: true });
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

  async paragraphs(): Promise<string[]> {
    return this.body.locator('p').allInnerTexts();
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Gespeichert');
  }

  async back(): Promise<void> {
    await this.backButton.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pressemitteilungen' })).toBeVisible();
  }
}
