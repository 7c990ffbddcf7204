import { bluePng, fakeJpeg, pdfBytes } from '../fixtures/media.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';

test.beforeEach(async ({ app }) => {
  await new DraftListPage(app.page).createNew();
  await new EditorPage(app.page).title.fill('Mit Bildern');
});

test('an image chosen in the file dialog is stored locally, shown, and still there after a restart', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.body.click();
  await blocks.insertBySlash('galerie');
  await blocks.panel.getByRole('button', { name: 'Bild hinzufügen' }).click();
  await blocks.panelField('Alternativtext').fill('Blaue Fläche');
  await blocks.chooseFile('Bild: Datei auswählen …', { name: 'flaeche.png', mimeType: 'image/png', buffer: bluePng });
  await expect(blocks.panel.getByText(`flaeche.png (PNG, ${bluePng.length} Byte)`)).toBeVisible();

  const image = blocks.body.locator('.ce-gallery img');
  await expect(image).toHaveAttribute('alt', 'Blaue Fläche');
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
  await new EditorPage(app.page).expectSaved();

  await app.restart();
  await new DraftListPage(app.page).open('Mit Bildern');
  await expect.poll(() => blocks.body.locator('.ce-gallery img').evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
});

test('a file that only pretends to be an image is refused with a German message and nothing changes', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.body.click();
  await blocks.insertBySlash('text mit bild');
  await blocks.chooseFile('Bild: Datei auswählen …', { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: fakeJpeg });
  await expect(blocks.panel.getByRole('alert')).toHaveText('Die Datei „foto.jpg“ hat kein bekanntes Format und wurde nicht übernommen.');
  await blocks.chooseFile('Bild: Datei auswählen …', { name: 'bericht.png', mimeType: 'image/png', buffer: pdfBytes });
  await expect(blocks.panel.getByRole('alert')).toContainText('„bericht.png“ ist ein PDF-Dokument; hier passt nur: JPEG-Bild, PNG-Bild');
  await expect(blocks.body.locator('.ce-image-missing')).toBeVisible();
  await new EditorPage(app.page).expectSaved();
  const [block] = (await blocks.storedBody()).content;
  expect(block).toMatchObject({ type: 'textWithImage', attrs: { image: { media: null } } });
});

test('files dropped into the text become blocks: an image a "Text mit Bild", a PDF a download', async ({ app }) => {
  const blocks = new BlockEditor(app.page);
  await blocks.body.click();
  const drop = async (name: string, type: string, bytes: Buffer) => {
    const transfer = await app.page.evaluateHandle(
      ({ name: fileName, type: fileType, data }) => {
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File([new Uint8Array(data)], fileName, { type: fileType }));
        return dataTransfer;
      },
      { name, type, data: [...bytes] },
    );
    const box = (await blocks.body.boundingBox())!;
    await blocks.body.dispatchEvent('drop', { dataTransfer: transfer, clientX: box.x + 20, clientY: box.y + 10 });
  };
  await drop('dom.png', 'image/png', bluePng);
  await expect(blocks.body.locator('.ce-textmedia img')).toHaveCount(1);
  await drop('haushalt-2027.pdf', 'application/pdf', pdfBytes);
  await expect(blocks.body.locator('.ce-download')).toContainText('haushalt-2027 (PDF,');
  await new EditorPage(app.page).expectSaved();
  const types = (await blocks.storedBody()).content.map((node) => node.type);
  expect(types).toEqual(expect.arrayContaining(['textWithImage', 'linkList']));
});

test('the teaser image of the release is chosen in the details panel; text typed during the import is kept', async ({ app }) => {
  // Hold the import back until the alt text is typed, as a slow disk or a large file would.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.page.route('**/api/media.import', async (route) => {
    await held;
    await route.continue();
  });
  const chooser = app.page.waitForEvent('filechooser');
  await app.page.getByRole('region', { name: 'Teaserbild' }).getByRole('button', { name: 'Bild: Datei auswählen …' }).click();
  await (await chooser).setFiles({ name: 'teaser.png', mimeType: 'image/png', buffer: bluePng });
  await expect(app.page.getByRole('region', { name: 'Teaserbild' }).getByRole('status')).toHaveText('Datei wird übernommen …');
  await app.page.getByRole('region', { name: 'Teaserbild' }).getByLabel('Alternativtext', { exact: true }).fill('Blaue Fläche');
  release();
  await expect(app.page.getByRole('region', { name: 'Teaserbild' }).getByText('teaser.png (PNG')).toBeVisible();
  await new EditorPage(app.page).expectSaved();
  const meta = await app.page.evaluate(async () => {
    const id = decodeURIComponent(location.hash.replace('#/pressemitteilung/', ''));
    const result = await window.pressestelle.drafts.get({ id });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.article.meta;
  });
  expect(meta.teaserImage).toMatchObject({ alt: 'Blaue Fläche', media: { name: 'teaser.png', mimeType: 'image/png' } });
});
