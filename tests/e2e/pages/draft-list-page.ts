import { expect, type Locator, type Page } from '@playwright/test';

/** The list of press releases ("Pressemitteilungen"). */
export class DraftListPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Pressemitteilungen' });
    this.newButton = page.getByRole('button', { name: 'Neue Pressemitteilung' });
    this.list = page.getByRole('list', { name: 'Pressemitteilungen' });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Pressemitteilungen' }).click();
    await expect(this.heading).toBeVisible();
  }

  item(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title }) });
  }

  async createNew(): Promise<void> {
    await this.newButton.click();
    await expect(this.page.locator('article.article-form').getByLabel('Titel', { exact: true })).toBeVisible();
  }

  async open(title: string): Promise<void> {
    await this.item(title).getByRole('link').click();
    await expect(this.page.locator('article.article-form').getByLabel('Titel', { exact: true })).toHaveValue(title);
  }

  async delete(title: string): Promise<void> {
    await this.item(title).getByRole('button', { name: `Löschen: ${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'In den Papierkorb verschieben?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'In den Papierkorb' }).click();
    await expect(dialog).toBeHidden();
  }
}
