import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';

const blockLabels = ['Text', 'Überschrift', 'Zitat', 'Hintergrund', 'Tabelle', 'Text mit Bild', 'Bildergalerie', 'Slider', 'Zwei Spalten', 'Teaser', 'Akkordeon', 'Linkliste', 'Video', 'Kasten'];
const nodeTypes = ['paragraph', 'heading', 'quote', 'background', 'table', 'textWithImage', 'gallery', 'slider', 'twoColumns', 'teasers', 'accordion', 'linkList', 'video', 'box'];

test.beforeEach(async ({ app }) => {
  await new DraftListPage(app.page).createNew();
  await new EditorPage(app.page).title.fill('Bausteine');
});

test('the insert menu lists every block by its German name and inserts each of them', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.insertButton.click();
  await expect(blocks.menu.getByRole('option')).toHaveText(blockLabels.map((label) => new RegExp(`^${label}`)));
  await app.page.keyboard.press('Escape');

  for (const label of blockLabels.slice(1)) {
    await blocks.newParagraphAtEnd();
    await blocks.insertByButton(label);
  }
  await new EditorPage(app.page).expectSaved();
  const stored = await blocks.storedBody();
  const types = stored.content.filter((node) => node.type !== 'paragraph' || node.content).map((node) => node.type);
  expect(types).toEqual(nodeTypes.slice(1));
  for (const node of stored.content) expect(node.attrs?.id, `${node.type} has a block id`).toEqual(expect.any(String));
});

test('"/" opens the menu in an empty paragraph; it filters as you type and works with the keyboard alone', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.body.click();
  await app.page.keyboard.type('/');
  await expect(blocks.menu).toBeVisible();
  await app.page.keyboard.type('bild');
  const options = blocks.menu.getByRole('option');
  await expect(options.first()).toHaveText(/^Text mit Bild/);
  await expect(options.filter({ hasText: /^Tabelle/ })).toHaveCount(0);
  await expect(options.filter({ hasText: /^Bildergalerie/ })).toHaveCount(1);
  await app.page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = (await options.nth(1).locator('.block-menu-label').textContent())!;
  await app.page.keyboard.press('Enter');
  await expect(blocks.panel.getByRole('heading', { name: `Baustein: ${second}` })).toBeVisible();

  // Umlaut-insensitive and no match reported in German.
  await blocks.newParagraphAtEnd();
  await app.page.keyboard.type('/');
  await app.page.keyboard.type('ueberschrift');
  await expect(blocks.menu.getByRole('option').first()).toHaveText(/^Überschrift/);
  await app.page.keyboard.type('xyz');
  await expect(blocks.menu).toContainText('Kein Baustein passt zu „ueberschriftxyz“.');

  // Escape closes the menu and gives the slash back.
  await app.page.keyboard.press('Escape');
  await expect(blocks.menu).toBeHidden();
  await expect(blocks.body.locator('p').last()).toHaveText('/');
});

test('a quote, its speaker and role, typed in place and in the side panel, in German typography', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.body.click();
  await blocks.insertBySlash('zitat');
  await app.page.keyboard.type('"Wir müssen raus aus der Komplexitätsfalle." Das geht\'s - von 10-12 Uhr...');
  await blocks.panelField('Name').fill('Dr. Hartmut Schubert');
  await blocks.panelField('Funktion').fill('Thüringer Finanzstaatssekretär und CIO');
  await expect(blocks.body.locator('figure.ce-quote figcaption')).toHaveText('Dr. Hartmut Schubert, Thüringer Finanzstaatssekretär und CIO');
  await new EditorPage(app.page).expectSaved();
  const [quote] = (await blocks.storedBody()).content;
  expect(quote).toMatchObject({ type: 'quote', attrs: { speaker: 'Dr. Hartmut Schubert', role: 'Thüringer Finanzstaatssekretär und CIO' } });
  expect(JSON.stringify(quote)).toContain('„Wir müssen raus aus der Komplexitätsfalle.“ Das geht’s – von 10–12 Uhr…');
});

test('title and lead get German typography too', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.title.fill('');
  await editor.title.pressSequentially('Schneller zur digitalen Verwaltung - "Mitteldeutsche CIOs"');
  await expect(editor.title).toHaveValue('Schneller zur digitalen Verwaltung – „Mitteldeutsche CIOs“');
  await editor.lead.pressSequentially("Das geht's...");
  await expect(editor.lead).toHaveValue('Das geht’s…');
  await editor.expectSaved();
});

test('every block attribute without a file can be edited in the side panel', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  const editor = new EditorPage(app.page);
  await blocks.body.click();

  await blocks.insertBySlash('überschrift');
  await app.page.keyboard.type('Zwischenüberschrift');
  await blocks.panelField('Ebene').selectOption('H3');
  await expect(blocks.body.locator('h3')).toHaveText('Zwischenüberschrift');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('hintergrund');
  await blocks.panelField('Überschrift').fill('Zum Hintergrund');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('kasten');
  await blocks.panelField('Farbe').selectOption({ label: 'Schwarz' });
  await expect(blocks.body.locator('.ce-box')).toHaveClass(/ce-box-black/);

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('tabelle');
  await blocks.panelField('Tabellenbeschriftung').fill('Geschichte des Hauses');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('text mit bild');
  await blocks.panelField('Bildposition').selectOption({ label: 'Rechts neben dem Text' });
  await blocks.panelField('Alternativtext').fill('Gewölbe mit Ausstellungsstücken');
  await blocks.panelField('Bildunterschrift').fill('Im Gewölbe');
  await blocks.panelField('Fotonachweis').fill('Anna Beispiel');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('teaser');
  await blocks.panelField('Teaser-Typ').selectOption({ label: 'Typ C' });
  await blocks.panel.getByRole('button', { name: 'Teaser hinzufügen' }).click();
  await blocks.panelField('Überschrift').fill('Haushalt 2027');
  await blocks.panelField('Text').fill('Der Entwurf im Überblick.');
  await blocks.panelField('Linkziel (Adresse)').fill('https://finanzen.thueringen.de/haushalt');
  await blocks.panelField('Linktext').fill('Zum Haushaltsentwurf 2027');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('linkliste');
  await blocks.panelField('Überschrift').fill('Weitere Informationen');
  await blocks.panel.getByRole('button', { name: 'Link hinzufügen' }).click();
  await blocks.panelField('Linktext').fill('Thüringer Finanzministerium');
  await blocks.panelField('Linkziel (Adresse)').fill('https://finanzen.thueringen.de/');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('video');
  await blocks.panelField('Titel des Videos').fill('Rede des Staatssekretärs');
  await blocks.panelField('Oder Adresse des Videos').fill('https://video.thueringen.de/rede.mp4');
  await blocks.panelField('Transkript').fill('Sehr geehrte Damen und Herren …');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('galerie');
  await blocks.panel.getByRole('button', { name: 'Bild hinzufügen' }).click();
  await blocks.panelField('Titel').fill('Bibliothek');
  await blocks.panelField('Alternativtext').fill('Wendeltreppe in der Bibliothek');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('slider');
  await blocks.panel.getByRole('button', { name: 'Folie hinzufügen' }).click();
  await blocks.panelField('Titel').fill('Bild des Tages');
  await blocks.panelField('Text').fill('Der Domplatz am Morgen.');

  await editor.expectSaved();
  const byType = Object.fromEntries((await blocks.storedBody()).content.map((node) => [node.type, node.attrs]));
  expect(byType.heading).toMatchObject({ level: 3 });
  expect(byType.background).toMatchObject({ header: 'Zum Hintergrund' });
  expect(byType.box).toMatchObject({ variant: 'black' });
  expect(byType.table).toMatchObject({ caption: 'Geschichte des Hauses' });
  expect(byType.textWithImage).toMatchObject({ position: 'right', image: { alt: 'Gewölbe mit Ausstellungsstücken', caption: 'Im Gewölbe', credit: 'Anna Beispiel' } });
  expect(byType.teasers).toMatchObject({ teaserType: 'C', items: [{ headline: 'Haushalt 2027', text: 'Der Entwurf im Überblick.', href: 'https://finanzen.thueringen.de/haushalt', linkText: 'Zum Haushaltsentwurf 2027' }] });
  expect(byType.linkList).toMatchObject({ header: 'Weitere Informationen', links: [{ title: 'Thüringer Finanzministerium', href: 'https://finanzen.thueringen.de/', download: null }] });
  expect(byType.video).toMatchObject({ title: 'Rede des Staatssekretärs', url: 'https://video.thueringen.de/rede.mp4', transcript: 'Sehr geehrte Damen und Herren …' });
  expect(byType.gallery).toMatchObject({ images: [{ title: 'Bibliothek', alt: 'Wendeltreppe in der Bibliothek' }] });
  expect(byType.slider).toMatchObject({ slides: [{ title: 'Bild des Tages', text: 'Der Domplatz am Morgen.' }] });

  // What the side panel set survives a restart.
  await app.restart();
  await new DraftListPage(app.page).open('Bausteine');
  await expect(blocks.body.locator('.ce-box-black')).toBeVisible();
  await expect(blocks.body.locator('.ce-teasers-c .ce-teaser-headline')).toHaveText('Haushalt 2027');
});

test('blocks move up and down, duplicate and delete by keyboard and panel; undo covers it all', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  const editor = new EditorPage(app.page);
  await blocks.body.click();
  await app.page.keyboard.type('Erster Absatz');
  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('kasten');
  await app.page.keyboard.type('Im Kasten');
  // The empty paragraph TipTap keeps after a final block is left out: the portal never sees it.
  const order = async () => (await blocks.storedBody()).content.filter((node) => node.type !== 'paragraph' || node.content).map((node) => node.type);

  await app.page.keyboard.press('Alt+Shift+ArrowUp');
  await editor.expectSaved();
  await expect.poll(order).toEqual(['box', 'paragraph']);

  await blocks.panel.getByRole('button', { name: 'Duplizieren' }).click();
  await expect(blocks.body.locator('.ce-box')).toHaveCount(2);
  await app.page.keyboard.press('ControlOrMeta+Shift+Backspace');
  await expect(blocks.body.locator('.ce-box')).toHaveCount(1);
  // After a delete the cursor is in the next block; go back into the box to move it.
  await blocks.body.locator('.ce-box p').click();
  await blocks.panel.getByRole('button', { name: 'Nach unten' }).click();
  await expect.poll(order).toEqual(['paragraph', 'box']);

  // Each block operation is one undo step.
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect.poll(order).toEqual(['box', 'paragraph']);
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(blocks.body.locator('.ce-box')).toHaveCount(2);
  await app.page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(blocks.body.locator('.ce-box')).toHaveCount(1);
  await app.page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(order).toEqual(['paragraph', 'box']);
});

test('the preview shows the release as the portal will render it', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  const editor = new EditorPage(app.page);
  await editor.lead.fill('Ein Vorspann.');
  await blocks.detailsField('Ministerium').selectOption('Thüringer Finanzministerium');
  await blocks.body.click();
  await app.page.keyboard.type('Ein Absatz.');
  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('zitat');
  await app.page.keyboard.type('Ein Zitat.');
  await app.page.getByRole('button', { name: 'Vorschau' }).click();
  const preview = app.page.getByRole('region', { name: 'Vorschau im Aussehen des Portals' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Bausteine');
  await expect(preview.locator('.portal-article-author')).toHaveText('Erstellt von Thüringer Finanzministerium');
  await expect(preview.locator('.portal-article-lead')).toHaveText('Ein Vorspann.');
  await expect(preview.locator('blockquote')).toHaveText('Ein Zitat.');
  await expect(preview.locator('[contenteditable]')).toHaveCount(0);
  await app.page.getByRole('button', { name: 'Bearbeiten' }).click();
  await expect(blocks.body).toBeVisible();
});

/** "Oben", "Mitte" and a box "Kasten", typed; `texts` reads the top-level blocks' texts. */
async function paragraphsAndBox(page: Page) {
  const blocks = new BlockEditor(page);
  await blocks.body.click();
  await page.keyboard.type('Oben');
  await blocks.newParagraphAtEnd();
  await page.keyboard.type('Mitte');
  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('kasten');
  await page.keyboard.type('Kasten');
  const texts = async () => (await blocks.body.locator(':scope > *').allInnerTexts()).map((text) => text.trim());
  return { blocks, texts };
}

test('a block dragged by its handle moves, and undo puts it back', async ({ app }) => {
  const { blocks, texts } = await paragraphsAndBox(app.page);

  await blocks.body.locator('.ce-box').hover();
  const handle = app.page.getByTestId('drag-handle');
  await expect(handle).toBeVisible();
  await handle.dragTo(blocks.body.locator(':scope > p').first(), { targetPosition: { x: 5, y: 2 } });
  await expect.poll(async () => (await texts()).filter(Boolean)).toEqual(['Kasten', 'Oben', 'Mitte']);

  await app.page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => (await texts()).filter(Boolean)).toEqual(['Oben', 'Mitte', 'Kasten']);
});

test('the handle moves the block it was shown beside, even after typing above it moved that block', async ({ app }) => {
  const { blocks, texts } = await paragraphsAndBox(app.page);

  await blocks.body.locator(':scope > p', { hasText: 'Oben' }).dblclick();
  await blocks.body.locator('.ce-box').hover();
  const handle = app.page.getByTestId('drag-handle');
  await expect(handle).toBeVisible();
  // The pointer rests beside the box; typing over the word selected above moves the box down the document.
  await app.page.keyboard.type('Neuer Anfang');
  await expect.poll(async () => (await texts()).filter(Boolean)).toEqual(['Neuer Anfang', 'Mitte', 'Kasten']);
  await handle.dragTo(blocks.body.locator(':scope > p').first(), { targetPosition: { x: 5, y: 2 } });
  await expect.poll(async () => (await texts()).filter(Boolean)).toEqual(['Kasten', 'Neuer Anfang', 'Mitte']);
});

test('a table gets rows, columns and a header row from the panel; an accordion gets more sections', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.body.click();
  await blocks.insertBySlash('tabelle');
  await app.page.keyboard.type('Jahr');
  await blocks.panel.getByRole('button', { name: 'Zeile hinzufügen' }).click();
  await blocks.panel.getByRole('button', { name: 'Spalte hinzufügen' }).click();
  await expect(blocks.body.locator('table tr')).toHaveCount(3);
  await expect(blocks.body.locator('table tr').first().locator('th')).toHaveCount(3);
  const headerRow = blocks.panel.getByRole('checkbox', { name: 'Erste Zeile ist Kopfzeile' });
  await expect(headerRow).toBeChecked();
  await headerRow.uncheck();
  await expect(blocks.body.locator('table th')).toHaveCount(0);
  await blocks.panel.getByRole('button', { name: 'Spalte löschen' }).click();
  await expect(blocks.body.locator('table tr').first().locator('td')).toHaveCount(2);

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('akkordeon');
  await app.page.keyboard.type('Erste Frage');
  await blocks.panel.getByRole('button', { name: 'Abschnitt hinzufügen' }).click();
  await app.page.keyboard.type('Zweite Frage');
  await expect(blocks.body.locator('.ce-accordion-title')).toHaveText(['Erste Frage', 'Zweite Frage']);
  await blocks.panel.getByRole('button', { name: 'Abschnitt entfernen' }).click();
  await expect(blocks.body.locator('.ce-accordion-title')).toHaveText(['Erste Frage']);

  await new EditorPage(app.page).expectSaved();
  const stored = (await blocks.storedBody()).content;
  const table = stored.find((node) => node.type === 'table') as { content: Array<{ content: Array<{ type: string }> }> };
  expect(table.content.map((row) => row.content.map((cell) => cell.type))).toEqual([
    ['tableCell', 'tableCell'],
    ['tableCell', 'tableCell'],
    ['tableCell', 'tableCell'],
  ]);
});
