import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { bluePng, orangePng, pdfBytes, vttBytes } from '../fixtures/media.js';
import { checkAccessibility } from './axe.js';
import { expect, test } from './fixtures.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { BlockEditor, EditorPage } from './pages/editor-page.js';

const fixturePath = fileURLToPath(new URL('../fixtures/demo-release.json', import.meta.url));

// The demo page's press release, as on the portal (../shared/seeds): title, lead, quotes, background.
const demo = {
  title: 'Schneller und effizienter zur digitalen Verwaltung – Mitteldeutsche CIOs plädieren für zentrale Entwicklung und Betrieb bundesweit einheitlicher Verwaltungsdienstleistungen',
  lead: 'Die Verantwortlichen für die IT-Strategie auf Landesebene von Sachsen, Sachsen-Anhalt und Thüringen haben eine zentrale Entwicklung und den Betrieb von bundesweit einheitlichen Verwaltungsleistungen angemahnt.',
  paragraphs: [
    'Anlässlich des IT- und Organisationsforum (ITOF) des Freistaates Sachsen erklärten die Chief Information Officers (CIO), aktuell werde immer noch zu viel Zeit und Geld in Insellösungen für bundesweit einheitlich geltende Verwaltungsleistungen gesteckt. Der Fokus solle daher in Zukunft auf einer zentralen Entwicklung und einem zentralen Betrieb liegen, insbesondere für besonders nachgefragte Leistungen wie Elterngeld, Meldewesen oder Kfz-Zulassung, forderten sie.',
    'Diese Forderung wurde auf einer Podiumsdiskussion auf dem ITOF in Dresden, vom CIO des Freistaates Sachsen, Prof. Thomas Popp, seinem Amtskollegen Bernd Schlömer aus Sachsen-Anhalt und dem Abteilungsleiter Andreas Hoffmeier aus Thüringen, der den thüringischen CIO vertrat, bekräftigt.',
  ],
  quotes: [
    {
      text: '„Wir müssen raus aus der Komplexitätsfalle. Das spart am Ende nicht nur eine Menge Arbeit in den Verwaltungen des Bundes, der Länder und der Kommunen, es spart am Ende auch Geld.“',
      speaker: 'Dr. Hartmut Schubert',
      role: 'Thüringer Finanzstaatssekretär und CIO',
    },
    {
      text: '„Der digitale Flickenteppich in Deutschland ist nicht mehr zeitgemäß. Er sorgt für Frust bei Bürgerinnen, Bürgern und Unternehmen.“',
      speaker: 'Bernd Schlömer',
      role: 'Staatssekretär und CIO des Landes Sachsen-Anhalt',
    },
    {
      text: '„Die digitale Ausstattung in der deutschen Verwaltung gleicht einem Mosaik. Das wäre ein Booster für die Digitalisierung der Verwaltung.“',
      speaker: 'Thomas Popp',
      role: 'Sächsischer Staatssekretär und CIO',
    },
  ],
  background:
    'Das IT- und Organisationsforum (ITOF) ist die wichtigste verwaltungsinterne Veranstaltung des Freistaates Sachsen zur Verwaltungsdigitalisierung. Die Veranstaltung findet alle zwei Jahre statt.',
};

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutIds(inner)]));
  }
  return value;
}

/** Chooses a file with the first button of that name in the block's panel (a chosen one reads "Andere Datei …"). */
async function chooseFile(page: Page, buttonName: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await new BlockEditor(page).chooseFile(buttonName, file);
  await expect(page.getByRole('region', { name: /^Baustein:/ }).getByText(file.name).first()).toBeVisible();
}

test.use({ bypassCSP: true }); // only to inject axe-core into the preview

test('the demo page release, with one block of every kind, built through the UI; its preview has no axe violations', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app.page;
  const editor = new EditorPage(page);
  const blocks = new BlockEditor(page);
  await new DraftListPage(page).createNew();

  await editor.title.fill(demo.title);
  await editor.lead.fill(demo.lead);
  await blocks.detailsField('Ministerium').selectOption('Thüringer Finanzministerium');
  await blocks.detailsField('Ort').fill('Erfurt');
  await blocks.detailsField('Datum').fill('2026-11-26');
  await blocks.detailsField('Pressekontakt: Name').fill('Pressestelle des Finanzministeriums');
  await blocks.detailsField('Pressekontakt: E-Mail').fill('presse@tfm.thueringen.de');
  await blocks.detailsField('Themen').fill('Digitalisierung, Verwaltung');

  await editor.typeParagraphs(demo.paragraphs);
  for (const quote of demo.quotes) {
    await blocks.newParagraphAtEnd();
    await blocks.insertBySlash('zitat');
    await page.keyboard.type(quote.text);
    await blocks.panelField('Name').fill(quote.speaker);
    await blocks.panelField('Funktion').fill(quote.role);
  }

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('überschrift');
  await page.keyboard.type('Alle Bausteine des Portals');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('tabelle');
  for (const [index, cell] of ['Jahr', 'Ereignis', '1572', 'Im „Güldenen Stern“ ist das herzoglich-weimarische Geleitsamt untergebracht.'].entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(cell);
  }
  await blocks.panelField('Tabellenbeschriftung').fill('Geschichte des Güldenen Sterns');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('text mit bild');
  await page.keyboard.type('Das Gewölbe zeigt diverse Ausstellungsstücke.');
  await chooseFile(page, 'Bild: Datei auswählen …', { name: 'gewoelbe.png', mimeType: 'image/png', buffer: bluePng });
  await blocks.panelField('Bildposition').selectOption({ label: 'Rechts neben dem Text' });
  await blocks.panelField('Alternativtext').fill('Gewölbe mit Ausstellungsstücken');
  await blocks.panelField('Bildunterschrift').fill('Im Gewölbe');
  await blocks.panelField('Fotonachweis').fill('Anna Beispiel');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('galerie');
  for (const [index, image] of [
    { title: 'Im Gewölbe', alt: 'Ausstellungsstücke im Gewölbe', caption: 'mit diversen Ausstellungsstücken', file: { name: 'gewoelbe.png', mimeType: 'image/png', buffer: bluePng } },
    { title: 'Bibliothek', alt: 'Wendeltreppe in der Bibliothek', caption: 'mit Wendeltreppe', file: { name: 'bibliothek.png', mimeType: 'image/png', buffer: orangePng } },
  ].entries()) {
    await blocks.panel.getByRole('button', { name: 'Bild hinzufügen' }).click();
    await blocks.panelField('Titel').nth(index).fill(image.title);
    await chooseFile(page, 'Bild: Datei auswählen …', image.file);
    await blocks.panelField('Alternativtext').nth(index).fill(image.alt);
    await blocks.panelField('Bildunterschrift').nth(index).fill(image.caption);
    await blocks.panelField('Fotonachweis').nth(index).fill('Thüringer Staatskanzlei');
  }

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('slider');
  await blocks.panel.getByRole('button', { name: 'Folie hinzufügen' }).click();
  await blocks.panelField('Titel').fill('Bild des Tages');
  await blocks.panelField('Text').fill('Der Domplatz am Morgen.');
  await chooseFile(page, 'Bild: Datei auswählen …', { name: 'domplatz.png', mimeType: 'image/png', buffer: orangePng });
  await blocks.panelField('Alternativtext').fill('Der Erfurter Domplatz im Morgenlicht');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('zwei spalten');
  await page.keyboard.type('Sachsen und Thüringen arbeiten zusammen.');
  await blocks.body.locator('.ce-column').nth(1).locator('p').click();
  await page.keyboard.type('Sachsen-Anhalt ist dabei.');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('teaser');
  await blocks.panelField('Teaser-Typ').selectOption({ label: 'Typ B' });
  await blocks.panel.getByRole('button', { name: 'Teaser hinzufügen' }).click();
  await blocks.panelField('Überschrift').fill('Haushalt 2027');
  await blocks.panelField('Text').fill('Der Entwurf des Landeshaushalts im Überblick.');
  await blocks.panelField('Linkziel (Adresse)').fill('https://finanzen.thueringen.de/haushalt');
  await blocks.panelField('Linktext').fill('Zum Haushaltsentwurf 2027');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('akkordeon');
  await page.keyboard.type('Was ist das ITOF?');
  await blocks.body.locator('.ce-accordion-content p').click();
  await page.keyboard.type('Die wichtigste verwaltungsinterne Veranstaltung des Freistaates Sachsen.');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('linkliste');
  await blocks.panelField('Überschrift').fill('Downloads');
  await blocks.panel.getByRole('button', { name: 'Link hinzufügen' }).click();
  await blocks.panelField('Linktext').fill('Haushaltsentwurf 2027');
  await chooseFile(page, 'Datei zum Herunterladen: Datei auswählen …', { name: 'haushalt-2027.pdf', mimeType: 'application/pdf', buffer: pdfBytes });

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('video');
  await blocks.panelField('Titel des Videos').fill('Podiumsdiskussion auf dem ITOF');
  await blocks.panelField('Oder Adresse des Videos').fill('https://video.thueringen.de/itof-podium.mp4');
  await chooseFile(page, 'Vorschaubild: Datei auswählen …', { name: 'podium.png', mimeType: 'image/png', buffer: bluePng });
  await chooseFile(page, 'Untertitel (WebVTT): Datei auswählen …', { name: 'podium.vtt', mimeType: 'text/vtt', buffer: vttBytes });
  await blocks.panelField('Transkript').fill('Sehr geehrte Damen und Herren, willkommen zur Podiumsdiskussion.');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('kasten');
  await blocks.panelField('Farbe').selectOption({ label: 'Hellblau' });
  await page.keyboard.type('Blauer Text auf hellblauem Grund.');

  await blocks.newParagraphAtEnd();
  await blocks.insertBySlash('hintergrund');
  await page.keyboard.type(demo.background);

  await editor.expectSaved();
  const stored = await page.evaluate(async () => {
    const id = decodeURIComponent(location.hash.replace('#/pressemitteilung/', ''));
    const result = await window.pressestelle.drafts.get({ id });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.article;
  });
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(fixturePath, `${JSON.stringify(stored, null, 2)}\n`);
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as unknown;
  expect(withoutIds(stored)).toEqual(withoutIds(fixture));

  await page.getByRole('button', { name: 'Vorschau' }).click();
  const preview = page.getByRole('region', { name: 'Vorschau im Aussehen des Portals' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(demo.title);
  await expect(preview.locator('figure.ce-quote')).toHaveCount(3);
  await expect.poll(() => preview.locator('img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0))).toBe(true);

  const { violations, passed } = await checkAccessibility(page, '.portal-preview');
  expect(violations).toEqual([]);
  // axe really looked at the content: images, contrast, tables and lists were checked.
  expect(passed).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'th-has-data-cells', 'list']));
});
