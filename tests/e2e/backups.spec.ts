import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { emptyArticle, type Article } from '../../common/article.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import type { Page } from '@playwright/test';

function release(title: string): Article {
  const text = `${title}: ${'Ein Absatz mit genug Text, damit die Datenbank einige Seiten füllt. '.repeat(30)}`;
  return { ...emptyArticle(), meta: { ...emptyArticle().meta, title }, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

async function createReleases(page: Page, titles: string[]): Promise<void> {
  await page.evaluate(async (articles) => {
    for (const article of articles) {
      const result = await window.pressestelle.drafts.create({ article });
      if (!result.ok) throw new Error(result.error.message);
    }
  }, titles.map(release));
}

async function backUpNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sicherung wiederherstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sicherungen' })).toBeVisible();
  await page.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect(page.getByTestId('notice')).toContainText('Sicherung vom');
}

test('"Sicherung wiederherstellen" brings back an earlier state, after backing up the current one', async ({ app }) => {
  const page = app.page;
  const list = new DraftListPage(page);
  await createReleases(page, ['Vor der Sicherung']);
  await backUpNow(page);
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'Von Hand' })).toContainText('1');

  await list.goto();
  await createReleases(page, ['Nach der Sicherung']);
  await expect(list.item('Nach der Sicherung')).toBeVisible();

  await page.getByRole('button', { name: 'Sicherung wiederherstellen' }).click();
  await table.getByRole('row').filter({ hasText: 'Von Hand' }).getByRole('button', { name: /^Wiederherstellen/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Sicherung wiederherstellen?' });
  await expect(dialog).toContainText('Der jetzige Stand wird vorher gesichert');
  await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
  await expect(page.getByTestId('notice')).toContainText(/Die Sicherung vom .* wurde wiederhergestellt\. Der vorherige Stand ist als Sicherung vom .* erhalten\./);
  await expect(table.getByRole('row').filter({ hasText: 'Vor dem Wiederherstellen' })).toContainText('2');

  await list.goto();
  await expect(list.item('Vor der Sicherung')).toBeVisible();
  await expect(list.item('Nach der Sicherung')).toHaveCount(0);
});

test('a damaged database is found at start, moved aside and recovered from the newest backup, and the person is told', async ({ app }) => {
  const page = app.page;
  const list = new DraftListPage(page);
  await createReleases(page, Array.from({ length: 30 }, (_, index) => `Mitteilung ${index + 1}`));
  await backUpNow(page);
  await page.goto('about:blank');
  expect(await app.entry.stop()).toBe(0);

  // Overwrite the middle of the file, as a failing disk or a bad copy would.
  const file = join(app.dataDirectory, 'pressestelle.sqlite');
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);

  await app.startAgain();
  const alert = page.getByRole('alert').filter({ hasText: 'Die Datenbank war beschädigt' });
  await expect(alert).toContainText(/aus der Sicherung vom .* wiederhergestellt \(30 Pressemitteilungen\)/);
  await expect(alert).toContainText(join(app.dataDirectory, 'beschaedigt'));
  await expect(list.item('Mitteilung 30')).toBeVisible();
  await alert.getByRole('button', { name: 'Verstanden' }).click();
  await expect(alert).toBeHidden();
  await page.reload();
  await expect(list.heading).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Die Datenbank war beschädigt' })).toHaveCount(0);
});
