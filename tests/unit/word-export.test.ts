import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema, type Article } from '../../common/article.js';
import { blockCatalog } from '../../common/blocks/catalog.js';
import { imageTypes } from '../../common/blocks/editor-fields.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { exportWord, wordDocument, wordFileName } from '../../main/services/word-export.js';
import { wordMappings } from '../../main/services/word-export-blocks.js';
import { wordStyleMap } from '../../main/services/word-styles.js';
import { allBlocksBody } from '../fixtures/all-blocks.js';
import { bluePng, orangePng, pdfBytes, vttBytes } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

const demo = articleSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/demo-release.json', import.meta.url), 'utf8')));

/** The exported file as HTML (each part of the release with its class) and its document.xml. */
async function readBack(bytes: Uint8Array): Promise<{ html: string; text: string }> {
  const buffer = Buffer.from(bytes);
  const { value: html } = await mammoth.convertToHtml({ buffer }, { styleMap: [...wordStyleMap] });
  const { value: text } = await mammoth.extractRawText({ buffer });
  return { html, text };
}


describe('"Als Word-Datei exportieren"', () => {
  let services: AppServices;
  let folder: ReturnType<typeof makeTempDirectory>;
  let id: string;

  beforeAll(async () => {
    folder = makeTempDirectory();
    services = await openAppServices(folder.path, { dailyBackups: false });
    // The demo release's files, stored under the names the release uses.
    await services.media.import('gewoelbe.png', new Uint8Array(bluePng), [...imageTypes]);
    await services.media.import('bibliothek.png', new Uint8Array(orangePng), [...imageTypes]);
    await services.media.import('haushalt-2027.pdf', new Uint8Array(pdfBytes), ['application/pdf']);
    await services.media.import('podium.vtt', new Uint8Array(vttBytes), ['text/vtt']);
    id = services.drafts.create(demo).id;
  });
  afterAll(async () => {
    await services.close();
    folder.remove();
  });

  async function exported(sync: { approvedText(id: string): Article | null } = services.sync) {
    const file = await exportWord({ drafts: services.drafts, media: services.media, sync }, id);
    return { fileName: file.fileName, bytes: new Uint8Array(Buffer.from(file.data, 'base64')) };
  }

  it('writes the title, the place and date line, the Vorspann and the press contact', async () => {
    const { fileName, bytes } = await exported();
    expect(fileName).toBe(wordFileName(demo.meta.title));
    expect(fileName).toMatch(/^Schneller-und-effizienter-zur-digitalen-Verwaltung.*\.docx$/);
    const { html } = await readBack(bytes);
    expect(html).toContain(`<h1 class="title">${demo.meta.title}</h1>`);
    expect(html).toContain('<p class="dateline">Erfurt, 26. November 2026</p>');
    expect(html).toContain(`<p class="lead">${demo.meta.lead}</p>`);
    expect(html).toContain('<p class="contact"><strong>Pressekontakt</strong></p><p class="contact">Pressestelle des Finanzministeriums</p>');
    expect(html).toContain('<p class="contact">E-Mail: <a href="mailto:presse@tfm.thueringen.de">presse@tfm.thueringen.de</a></p>');
    // The order of a press release: marks, title, date line, Vorspann, text, contact.
    const order = ['class="draft"', 'class="title"', 'class="dateline"', 'class="lead"', 'Anlässlich des IT-', 'class="contact"'].map((part) => html.indexOf(part));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((at) => at >= 0)).toBe(true);
  });

  it('marks a text the portal has not approved "ENTWURF", and names no embargo when none is set', async () => {
    const { html } = await readBack((await exported()).bytes);
    expect(html).toContain('<p class="draft">ENTWURF – nicht zur Veröffentlichung</p>');
    expect(html).not.toContain('Sperrfrist');
  });

  it('leaves "ENTWURF" off when the text is the approved revision, and puts it back after a change', async () => {
    const approvedCopy = JSON.parse(JSON.stringify(services.drafts.get(id).article)) as Article;
    const approved = await readBack((await exported({ approvedText: () => approvedCopy })).bytes);
    expect(approved.html).not.toContain('ENTWURF');
    const changed = { ...approvedCopy, meta: { ...approvedCopy.meta, lead: `${approvedCopy.meta.lead} Nachtrag.` } };
    const afterChange = await readBack((await exported({ approvedText: () => changed })).bytes);
    expect(afterChange.html).toContain('ENTWURF – nicht zur Veröffentlichung');
  });

  it('puts "Sperrfrist: …" at the top when an embargo is set', async () => {
    const withEmbargo = { ...demo, meta: { ...demo.meta, embargo: '2026-12-01T10:00' } };
    const { html } = await readBack(await wordDocument(withEmbargo, { approved: true, file: () => null }));
    expect(html.startsWith('<p class="embargo">Sperrfrist: 01.12.2026, 10:00 Uhr</p><h1 class="title">')).toBe(true);
  });

  it('carries headings, the table with its header row and caption, quotes with their speakers', async () => {
    const { html } = await readBack((await exported()).bytes);
    expect(html).toContain('<h2>Alle Bausteine des Portals</h2>');
    expect(html).toContain('<p class="caption">Geschichte des Güldenen Sterns</p><table><thead><tr><th><p>Jahr</p></th><th><p>Ereignis</p></th></tr></thead><tbody><tr><td><p>1572</p></td>');
    expect(html).toContain('<blockquote><p>„Wir müssen raus aus der Komplexitätsfalle.');
    expect(html).toContain('</p></blockquote><p class="speaker">– Dr. Hartmut Schubert, Thüringer Finanzstaatssekretär und CIO</p>');
    expect(html.match(/class="speaker"/g)).toHaveLength(3);
  });

  it('embeds the images with their alt texts and captions; gallery and slider become the images one after another', async () => {
    const { html } = await readBack((await exported()).bytes);
    const alts = [...html.matchAll(/<img alt="([^"]*)" src="data:image\/png;base64,([^"]+)"/g)].map((match) => match[1]);
    expect(alts).toEqual(['Gewölbe mit Ausstellungsstücken', 'Ausstellungsstücke im Gewölbe', 'Wendeltreppe in der Bibliothek', 'Der Erfurter Domplatz im Morgenlicht']);
    expect(html).toContain(`src="data:image/png;base64,${bluePng.toString('base64')}"`);
    expect(html).toContain('<p class="caption">Im Gewölbe – Foto: Anna Beispiel</p>');
    expect(html).toContain('<p class="caption"><strong>Bibliothek</strong> – mit Wendeltreppe – Foto: Thüringer Staatskanzlei</p>');
    expect(html).toContain('<p class="caption"><strong>Bild des Tages</strong> – Der Domplatz am Morgen.</p>');
  });

  it('gives every block without a Word counterpart its documented equivalent', async () => {
    const { bytes } = await exported();
    const { html } = await readBack(bytes);
    // Two columns: a two-column table without a header row.
    expect(html).toContain('<table><tr><td><p>Sachsen und Thüringen arbeiten zusammen.</p></td><td><p>Sachsen-Anhalt ist dabei.</p></td></tr></table>');
    // Teasers: headline, text, link.
    expect(html).toContain('<p><strong>Haushalt 2027</strong></p><p>Der Entwurf des Landeshaushalts im Überblick.</p><p><a href="https://finanzen.thueringen.de/haushalt">Zum Haushaltsentwurf 2027</a></p>');
    // Accordion: a heading one level below the last one, then its text.
    expect(html).toContain('<h3>Was ist das ITOF?</h3><p>Die wichtigste verwaltungsinterne Veranstaltung des Freistaates Sachsen.</p>');
    // Link list: its heading and a list; the download names its file.
    expect(html).toContain('<h2>Downloads</h2><ul><li>Haushaltsentwurf 2027 (PDF, 45 Byte, Datei nicht in diesem Dokument)</li></ul>');
    // Video: a link to it, and its transcript.
    expect(html).toContain('<p><a href="https://video.thueringen.de/itof-podium.mp4">Video: Podiumsdiskussion auf dem ITOF</a></p><p>Transkript: Sehr geehrte Damen und Herren');
    // Box: a shaded paragraph in the box's colours (light blue ground, blue text).
    expect(html).toContain('<p>Blauer Text auf hellblauem Grund.</p>');
    const xml = await mammothDocumentXml(bytes);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="E5EEF7"[^>]*\/>(?:(?!<\/w:p>).)*Blauer Text auf hellblauem Grund/s);
    // Background: its heading and text.
    expect(html).toContain('<h2>Hintergrund</h2><p>Das IT- und Organisationsforum (ITOF)');
  });

  it('writes lists with their levels, and bold, italic, sub- and superscript and links', async () => {
    const article: Article = { ...demo, body: { type: 'doc', content: allBlocksBody().content.slice(0, 2) } };
    const { html } = await readBack(await wordDocument(article, { approved: false, file: () => null }));
    expect(html).toContain('<strong>(ITOF)</strong>');
    expect(html).toContain('<em>zu viel</em>');
    expect(html).toContain('CO<sub>2</sub> und m<sup>2</sup>');
    expect(html).toContain('<a href="https://finanzen.thueringen.de/">Finanzministerium</a>');
    expect(html).toContain('<ul><li>Elterngeld</li><li>Meldewesen<ol><li>Kfz-Zulassung</li></ol></li></ul>');
  });

  it('numbers each numbered list from 1, and puts "Seite x von y" in the footer and the ministry in the header', async () => {
    const list = (item: string) => ({ type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }] }] });
    const article: Article = { ...demo, body: { type: 'doc', content: [list('Erstens'), { type: 'paragraph', content: [{ type: 'text', text: 'Dazwischen' }] }, list('Wieder erstens')] } };
    const bytes = await wordDocument(article, { approved: false, file: () => null });
    const xml = await mammothDocumentXml(bytes);
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    expect(numIds).toHaveLength(2);
    expect(numIds[0]).not.toBe(numIds[1]);
    const footer = await zipEntry(bytes, /^word\/footer\d*\.xml$/);
    expect(footer).toContain('Seite ');
    expect(footer).toMatch(/PAGE[\s\S]*von[\s\S]*NUMPAGES/);
    expect(await zipEntry(bytes, /^word\/header\d*\.xml$/)).toContain('Thüringer Finanzministerium');
  });

  it('has a Word equivalent for every block of the catalog', () => {
    expect(wordMappings.map((mapping) => mapping.block).sort()).toEqual(blockCatalog.map((block) => block.name).sort());
  });

  it('names an image Word cannot show and a missing file instead of failing', async () => {
    const webp = { sha256: 'f'.repeat(64), mimeType: 'image/webp', size: 10, name: 'bild.webp' };
    const article: Article = {
      ...demo,
      body: {
        type: 'doc',
        content: [
          { type: 'textWithImage', attrs: { image: { media: webp, alt: 'Ein WebP-Bild', decorative: false, caption: '', credit: '' }, position: 'above' }, content: [{ type: 'paragraph' }] },
          { type: 'textWithImage', attrs: { image: { media: { ...webp, mimeType: 'image/png' }, alt: 'Verschwunden', decorative: false, caption: '', credit: '' }, position: 'above' }, content: [{ type: 'paragraph' }] },
        ],
      },
    };
    const { text } = await readBack(await wordDocument(article, { approved: false, file: (media) => (media.mimeType === 'image/webp' ? new Uint8Array([1, 2, 3]) : null) }));
    expect(text).toContain('[Bild: Ein WebP-Bild; dieses Bildformat kann Word nicht darstellen]');
    expect(text).toContain('[Bild fehlt: Verschwunden]');
  });
});

/** One entry of the .docx (a zip) as text, found by its path. */
async function zipEntry(bytes: Uint8Array, path: RegExp): Promise<string> {
  const { inflateRawSync } = await import('node:zlib');
  const buffer = Buffer.from(bytes);
  // Walk the local file headers: signature, sizes and name, then the (deflated) data.
  for (let offset = 0; buffer.readUInt32LE(offset) === 0x04034b50; ) {
    const method = buffer.readUInt16LE(offset + 8);
    const compressed = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    const data = buffer.subarray(start, start + compressed);
    if (path.test(name)) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    offset = start + compressed;
  }
  throw new Error(`no entry ${path} in the file`);
}

function mammothDocumentXml(bytes: Uint8Array): Promise<string> {
  return zipEntry(bytes, /^word\/document\.xml$/);
}
