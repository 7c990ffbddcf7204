import { expect, type Locator, type Page } from '@playwright/test';

/** The trash ("Papierkorb"). */
export class TrashPage {
  readonly heading: Locator;
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Papierkorb' });
    this.list = page.getByRole('list', { name: 'Papierkorb' });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Papierkorb' }).click();
    await expect(this.heading).toBeVisible();
  }

  item(title: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: title });
  }

  async restore(title: string): Promise<void> {
    await this.item(title).getByRole('button', { name: `Wiederherstellen: ${title}` }).click();
  }

  async purge(title: string): Promise<void> {
    await this.item(title).getByRole('button', { name: `Endgültig löschen: ${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Endgültig löschen?' });
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(dialog).toBeHidden();
  }
}
