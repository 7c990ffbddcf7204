import { expect, type Locator, type Page } from '@playwright/test';

/** "Verlauf" of the open release, and "Version speichern". */
export class HistoryPage {
  readonly toggle: Locator;
  readonly region: Locator;
  readonly revisions: Locator;
  readonly changes: Locator;

  constructor(private readonly page: Page) {
    this.toggle = page.getByRole('button', { name: /^(Verlauf|Verlauf schließen)$/ });
    this.region = page.getByRole('region', { name: 'Verlauf' });
    this.revisions = this.region.getByRole('list', { name: 'Versionen' }).getByRole('listitem');
    this.changes = this.region.getByRole('region', { name: 'Änderungen' });
  }

  async saveVersion(label: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Version speichern' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Version speichern' });
    await dialog.getByLabel('Name der Version').fill(label);
    await dialog.getByRole('button', { name: 'Version speichern' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('alert').filter({ hasText: `Version „${label}“ gespeichert.` })).toBeVisible();
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verlauf', exact: true }).click();
    await expect(this.region).toBeVisible();
  }

  revision(text: string | RegExp): Locator {
    return this.revisions.filter({ hasText: text });
  }

  async restore(text: string | RegExp): Promise<void> {
    await this.revision(text).getByRole('button', { name: 'Wiederherstellen' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Version wiederherstellen?' });
    await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
    await expect(dialog).toBeHidden();
  }
}
