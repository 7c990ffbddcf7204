import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

test('kill -9 while typing: everything typed up to 2 s before is there, and the database is intact', async ({ app }) => {
  app.allowConsoleErrors = true; // the page loses its server on purpose
  const list = new DraftListPage(app.page);
  const editor = new EditorPage(app.page);
  await list.createNew();
  await editor.title.fill('Absturztest');
  await editor.expectSaved();
  await editor.body.click();

  const typed: Array<{ word: string; at: number }> = [];
  const typingUntil = Date.now() + 6_000;
  // Six seconds at least, and on a slow machine until more than ten words are 2 s old.
  const enoughDue = () => typed.filter(({ at }) => at <= Date.now() - 2_000).length > 10;
  for (let index = 0; Date.now() < typingUntil || !enoughDue(); index++) {
    const word = `wort${index}`;
    await app.page.keyboard.type(`${word} `, { delay: 15 });
    typed.push({ word, at: Date.now() });
  }
  const killedAt = Date.now();
  await app.entry.kill();

  const db = new Database(join(app.dataDirectory, 'pressestelle.sqlite'));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();

  await app.startAgain();
  await list.open('Absturztest');
  const due = typed.filter(({ at }) => at <= killedAt - 2_000);
  expect(due.length).toBeGreaterThan(10);
  // The editor opens asynchronously: wait for the body before reading it.
  await expect(editor.body).toContainText(due[0]!.word);
  const text = (await editor.paragraphs()).join(' ');
  for (const { word } of due) expect(text).toContain(`${word} `);
});
