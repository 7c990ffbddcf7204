import { expect } from '@playwright/test';
import type { AppDriver } from '../app-driver.js';
import { DraftListPage } from '../pages/draft-list-page.js';
import { EditorPage } from '../pages/editor-page.js';

export const release = {
  title: 'Schneller und effizienter zur digitalen Verwaltung',
  lead: 'Die Verantwortlichen für die IT-Strategie von Sachsen, Sachsen-Anhalt und Thüringen mahnen eine zentrale Entwicklung an.',
  paragraphs: [
    'Anlässlich des IT- und Organisationsforums erklärten die CIOs, es werde zu viel Geld in Insellösungen gesteckt.',
    'Der Fokus solle auf einer zentralen Entwicklung und einem zentralen Betrieb liegen.',
  ],
};

/** Write a release, close the app, open it again: everything is there and editable. */
export async function createAndReopen(app: AppDriver): Promise<void> {
  const list = new DraftListPage(app.page);
  await expect(list.heading).toBeVisible();
  await expect(app.page.getByText('Noch keine Pressemitteilungen.')).toBeVisible();

  await list.createNew();
  const editor = new EditorPage(app.page);
  await editor.title.fill(release.title);
  await editor.lead.fill(release.lead);
  await editor.typeParagraphs(release.paragraphs);
  await editor.expectSaved();

  await app.restart();

  const reopenedList = new DraftListPage(app.page);
  const item = reopenedList.item(release.title);
  await expect(item).toBeVisible();
  await expect(item).toContainText(/Zuletzt geändert am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await reopenedList.open(release.title);

  const reopened = new EditorPage(app.page);
  await expect(reopened.lead).toHaveValue(release.lead);
  await reopened.expectParagraphs(release.paragraphs);

  // Go on where they were: the text is editable and the change is saved.
  await reopened.typeParagraphs([' Fortsetzung.']);
  await reopened.expectSaved();
  await reopened.back();
  await expect(reopenedList.item(release.title)).toBeVisible();
}
