import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleBody, DocumentNode } from '../../common/article.js';
import { blockIdTypes } from '../../common/blocks/catalog.js';
import { documentProblem } from '../../common/blocks/validate-document.js';
import { checkArticle } from '../../common/checks/rules.js';
import { Failure } from '../../common/result.js';
import { WORD_IMPORT_LIMIT } from '../../common/word-import.js';
import { createDispatcher, createHandlers } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { importWordFile } from '../../main/services/word-import.js';
import { mapWordHtml } from '../../main/services/word-import-map.js';
import { bluePng } from '../fixtures/media.js';
import {
  brokenDocumentXml,
  brokenImageDocument,
  imagesDocument,
  leadStyledDocument,
  oleFile,
  pandocDocument,
  plainDocument,
  styledDocument,
  tablesDocument,
  trackedChangesDocument,
  zipThatIsNotWord,
} from '../fixtures/word-documents.js';
import { makeTempDirectory } from '../temp-directory.js';

/** The body without its generated block ids, to compare with what Word held. */
function withoutIds(nodes: DocumentNode[]): DocumentNode[] {
  return nodes.map((node) => {
    const { id: _id, ...attrs } = node.attrs ?? {};
    return {
      ...node,
      ...(node.attrs ? { attrs } : {}),
      ...(node.content ? { content: withoutIds(node.content) } : {}),
    };
  });
}

/** As above, without the empty paragraph a release is stored with after a final table or list (the editor's trailing paragraph). */
function storedBlocks(nodes: DocumentNode[]): DocumentNode[] {
  const last = nodes.at(-1);
  const trailing = nodes.length > 1 && last?.type === 'paragraph' && !last.content?.length;
  return withoutIds(trailing ? nodes.slice(0, -1) : nodes);
}

const text = (value: string, marks?: DocumentNode['marks']): DocumentNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: DocumentNode[]): DocumentNode => ({ type: 'paragraph', attrs: {}, ...(content.length ? { content } : {}) });
const heading = (level: number, value: string): DocumentNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (...content: DocumentNode[]): DocumentNode => ({ type: 'listItem', content });
const bullets = (...items: DocumentNode[]): DocumentNode => ({ type: 'bulletList', attrs: {}, content: items });
const numbered = (...items: DocumentNode[]): DocumentNode => ({ type: 'orderedList', attrs: { start: 1, type: null }, content: items });
const link = (href: string) => [{ type: 'link', attrs: { href, target: null, rel: null, class: null, title: null } }];
const cellAttrs = { colspan: 1, rowspan: 1, colwidth: null, align: null };
const row = (kind: 'tableHeader' | 'tableCell', ...values: string[]): DocumentNode => ({
  type: 'tableRow',
  content: values.map((value) => ({ type: kind, attrs: cellAttrs, content: [value ? paragraph(text(value)) : paragraph()] })),
});

function expectEveryBlockToHaveItsOwnId(body: ArticleBody): void {
  const ids: string[] = [];
  const types = new Set<string>(blockIdTypes);
  const walk = (node: DocumentNode) => {
    if (types.has(node.type)) ids.push(String(node.attrs?.id));
    for (const child of node.content ?? []) walk(child);
  };
  for (const node of body.content) walk(node);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('mapping mammoth\'s HTML', () => {
  it('finds a bold first paragraph as lead after a bookmark Word put before the heading', () => {
    const mapped = mapWordHtml('<a id="word-_Toc1"></a><h1>Titel</h1><p><strong>Fett gesetzter Vorspann.</strong></p><p>Text.</p>', new Map());
    expect(mapped).toMatchObject({ title: 'Titel', lead: 'Fett gesetzter Vorspann.' });
    expect(storedBlocks(mapped.body.content)).toEqual([paragraph(text('Text.'))]);
  });

  it('makes each image of a paragraph a "Text mit Bild", the paragraph\'s text in the first, the caption on the last; images in lists and tables follow them', () => {
    const media = (name: string) => ({ sha256: name.repeat(64).slice(0, 64), mimeType: 'image/png', size: 5, name });
    const images = new Map([['i0', media('a')], ['i1', media('b')], ['i2', media('c')]]);
    const mapped = mapWordHtml('<p>Vor <img src="i0" alt="Erstes"> nach<img src="i1"></p><p class="word-caption">Zweites Bild</p><ul><li>Punkt<img src="i2"></li></ul>', images);
    const figure = (name: string, alt: string, caption: string, ...content: DocumentNode[]) => ({
      type: 'textWithImage',
      attrs: { position: 'above', image: { media: media(name), alt, decorative: false, caption, credit: '' } },
      content: content.length ? content : [paragraph()],
    });
    expect(storedBlocks(mapped.body.content)).toEqual([
      figure('a', 'Erstes', '', paragraph(text('Vor nach'))),
      figure('b', '', 'Zweites Bild'),
      bullets(item(paragraph(text('Punkt')))),
      figure('c', '', ''),
    ]);
  });

  it('keeps the text of links the editor would not take (script, local files), without the link', () => {
    const mapped = mapWordHtml('<p><a href="javascript:alert(1)">Klick</a> und <a href="file:///C:/Daten/geheim.docx">Datei</a></p>', new Map());
    expect(storedBlocks(mapped.body.content)).toEqual([paragraph(text('Klick und Datei'))]);
  });
});

describe('importing a Word file', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;

  beforeEach(async () => {
    temp = makeTempDirectory();
    services = await openAppServices(temp.path, { dailyBackups: false });
  });
  afterEach(async () => {
    await services.close();
    temp.remove();
  });

  const importWord = async (name: string, data: Uint8Array) => importWordFile(services, name, data);

  it('takes the Title style as title, "Vorspann" as lead, headings, nested lists, exact links and footnotes as "Anmerkungen"; comments are dropped', async () => {
    const { draft, notices } = await importWord('Bibliotheken.docx', await styledDocument());
    const { meta, body } = draft.article;
    expect(meta.title).toBe('Land fördert Bibliotheken');
    expect(meta.lead).toBe('Das Land gibt 2026 zwei Millionen Euro für Bibliotheken.');
    expect(storedBlocks(body.content)).toEqual([
      // Heading 1 after the title: H2.
      heading(2, 'Worum es geht'),
      // The footnote reference is a superscript number, the comment's text is gone.
      paragraph(text('Die Förderung gilt ab März'), text('1', [{ type: 'superscript' }]), text('. Anträge sind formlos.')),
      heading(2, 'Wer gefördert wird'),
      bullets(item(paragraph(text('Stadtbibliotheken')), bullets(item(paragraph(text('mit Zweigstellen'))))), item(paragraph(text('Schulbibliotheken')))),
      heading(3, 'Ablauf'),
      numbered(item(paragraph(text('Antrag stellen')), numbered(item(paragraph(text('online'))))), item(paragraph(text('Bescheid abwarten')))),
      paragraph(
        text('Mehr im '),
        text('Förderaufruf 2026', link('https://example.org/foerderung/richtlinie?jahr=2026&art=b%C3%BCcher#abschnitt-2')),
        text(' und '),
        text('hier', link('https://example.org/antrag')),
        text('.'),
      ),
      heading(2, 'Ausblick'),
      paragraph(text('Eine zweite Runde folgt 2027')),
      heading(2, 'Anmerkungen'),
      numbered(item(paragraph(text('Richtlinie vom 1. Februar 2026.')))),
    ]);
    expect(JSON.stringify(body)).not.toContain('Bitte prüfen');
    expect(JSON.stringify(body)).not.toContain('#word-');
    expect(notices).toEqual(['Die Kommentare der Word-Datei „Bibliotheken.docx“ wurden nicht übernommen.']);
    expectEveryBlockToHaveItsOwnId(body);
    expect(documentProblem(body)).toBeNull();
    // A release like any other: listed, with its first revision.
    expect(services.drafts.page('active', 10).items.map((item) => item.title)).toEqual(['Land fördert Bibliotheken']);
    expect(services.history.list(draft.id)[0]!.reason).toBe('import');
  });

  it('without a Title style takes the first Heading 1 as title and a first paragraph entirely in bold as lead', async () => {
    const { draft } = await importWord('Radwege.docx', await plainDocument());
    expect(draft.article.meta.title).toBe('Neue Radwege im Land');
    expect(draft.article.meta.lead).toBe('Bis 2030 entstehen 300 Kilometer.');
    expect(storedBlocks(draft.article.body.content)).toEqual([paragraph(text('Der Ausbau beginnt im Frühjahr.')), heading(2, 'Die Strecken'), paragraph(text('Zuerst im Norden.'))]);
  });

  it.each(['Subtitle', 'Lead'] as const)('takes a paragraph styled "%s" as lead', async (style) => {
    const { draft } = await importWord('Ferien.docx', await leadStyledDocument(style));
    expect(draft.article.meta).toMatchObject({ title: 'Sommerferien beginnen', lead: 'Sechs Wochen frei für alle Schulen.' });
    expect(storedBlocks(draft.article.body.content)).toEqual([paragraph(text('Die Ferien beginnen am 1. Juli.'))]);
  });

  it('keeps the header row of tables (Word\'s repeated header row, or a first row entirely in bold) and splits merged cells', async () => {
    const { draft } = await importWord('Haushalt.docx', await tablesDocument());
    expect(storedBlocks(draft.article.body.content)).toEqual([
      { type: 'table', attrs: { caption: 'Tabelle 1: Mittel je Jahr' }, content: [row('tableHeader', 'Jahr', 'Mittel'), row('tableCell', '2025', '1,5 Mio. €')] },
      { type: 'table', attrs: { caption: '' }, content: [row('tableHeader', 'Kreis', 'Anteil'), row('tableCell', 'Nord', '40 %')] },
      paragraph(text('Zwischentext')),
      { type: 'table', attrs: { caption: '' }, content: [row('tableCell', 'Zusammen', ''), row('tableCell', 'a', 'b')] },
    ]);
    // The table without a header row is reported as usual.
    const headerFindings = checkArticle(draft.article).filter((finding) => finding.ruleId === 'a11y.tableHeader');
    expect(headerFindings.map((finding) => finding.blockId)).toEqual([draft.article.body.content[3]!.attrs!.id]);
  });

  it('stores images in the media store with their alt text, and an image followed by a caption paragraph becomes "Text mit Bild" with that caption', async () => {
    const { draft, notices } = await importWord('Schule.docx', await imagesDocument());
    expect(notices).toEqual([]);
    const [first, afterText, second] = draft.article.body.content;
    expect(first).toMatchObject({
      type: 'textWithImage',
      attrs: {
        position: 'above',
        image: {
          media: { mimeType: 'image/png', size: bluePng.byteLength, name: 'Bild 1 aus Schule.docx' },
          alt: 'Die Ministerin schneidet ein Band durch',
          decorative: false,
          caption: 'Eröffnung am Montag in Neustadt',
          credit: '',
        },
      },
    });
    expect(withoutIds([afterText!])).toEqual([paragraph(text('Die Schule hat 400 Plätze.'))]);
    expect(second).toMatchObject({ type: 'textWithImage', attrs: { image: { alt: '', caption: '' } } });
    const stored = services.media.file((first!.attrs!.image as { media: { sha256: string } }).media.sha256);
    expect(readFileSync(stored!.path)).toEqual(bluePng);
    // The checks run on the imported release as on any other: the image without alt text, the link "hier".
    const findings = checkArticle(draft.article).map((finding) => `${finding.ruleId} ${finding.blockId}`);
    expect(findings).toContain(`a11y.altMissing ${second!.attrs!.id}`);
    expect(findings).not.toContain(`a11y.altMissing ${first!.attrs!.id}`);
  });

  it('reports generic link texts of the imported text', async () => {
    const { draft } = await importWord('Bibliotheken.docx', await styledDocument());
    const generic = checkArticle(draft.article).filter((finding) => finding.ruleId === 'a11y.linkGeneric');
    expect(generic.map((finding) => finding.message)).toEqual([expect.stringContaining('hier')]);
  });

  it('leaves out an image the media store refuses, says so, and imports the rest', async () => {
    const { draft, notices } = await importWord('Kaputt.docx', await brokenImageDocument());
    expect(storedBlocks(draft.article.body.content)).toEqual([paragraph(text('Der Text bleibt.'))]);
    expect(notices).toEqual([expect.stringMatching(/^Ein Bild der Word-Datei „Kaputt\.docx“ wurde nicht übernommen: .*kein bekanntes Format/)]);
  });

  it('imports a document with tracked changes as Word\'s final version, with a notice', async () => {
    const { draft, notices } = await importWord('Änderungen.docx', await trackedChangesDocument());
    expect(storedBlocks(draft.article.body.content)).toEqual([paragraph(text('Die Förderung beträgt 3 Millionen Euro.'))]);
    expect(notices).toEqual([
      'Die Word-Datei „Änderungen.docx“ enthält nachverfolgte Änderungen. Übernommen wurde die endgültige Fassung, als wären alle Änderungen angenommen. Bitte prüfen Sie den Text.',
    ]);
  });

  it('says nothing about tracked changes when there are none', async () => {
    const { notices } = await importWord('Radwege.docx', await plainDocument());
    expect(notices).toEqual([]);
  });

  it('reads a .docx written by pandoc as well: its Subtitle, image caption and table caption styles', async () => {
    const { draft, notices } = await importWord('Lehrplan.docx', pandocDocument(temp.path));
    expect(notices).toEqual([]);
    const { meta, body } = draft.article;
    expect(meta).toMatchObject({ title: 'Neue Lehrpläne', lead: 'Ab August gelten sie an allen Grundschulen.' });
    const [intro, text_, image, table, ...notes] = storedBlocks(body.content);
    expect(intro).toEqual(heading(2, 'Was sich ändert'));
    expect(text_).toEqual(
      paragraph(text('Mehr Sachkunde'), text('1', [{ type: 'superscript' }]), text(', siehe '), text('Lehrplan', link('https://example.org/lehrplan?stufe=1&fach=sachkunde#teil-b')), text('.')),
    );
    expect(image).toMatchObject({ type: 'textWithImage', attrs: { image: { alt: 'Kinder im Klassenzimmer', caption: 'Kinder im Klassenzimmer', media: { mimeType: 'image/png' } } } });
    expect(table).toEqual({ type: 'table', attrs: { caption: 'Stunden je Woche' }, content: [row('tableHeader', 'Fach', 'Stunden'), row('tableCell', 'Sachkunde', '4')] });
    expect(notes).toEqual([heading(2, 'Anmerkungen'), numbered(item(paragraph(text('Zwei Stunden mehr als bisher.'))))]);
  });

  describe('refuses, naming the file, and creates nothing', () => {
    async function expectRefusal(name: string, data: Uint8Array, message: RegExp, code = 'invalid_input') {
      const refusal = await importWord(name, data).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(Failure);
      expect((refusal as Failure).code).toBe(code);
      expect((refusal as Failure).message).toMatch(message);
      expect((refusal as Failure).message).toContain(`„${name}“`);
      expect((refusal as Failure).message).toContain('Es wurde nichts importiert.');
      expect(services.drafts.page('active', 10).total).toBe(0);
      expect(services.database.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 0 });
    }

    it('a damaged file (a truncated .docx)', async () => {
      const whole = await imagesDocument();
      await expectRefusal('Abgeschnitten.docx', whole.subarray(0, Math.floor(whole.length / 2)), /beschädigt oder unvollständig/);
    });

    it('a Word package whose document mammoth cannot read', async () => {
      await expectRefusal('Defekt.docx', brokenDocumentXml(), /beschädigt oder unvollständig/);
    });

    it('a zip that is no Word file', async () => {
      await expectRefusal('Tabelle.docx', zipThatIsNotWord(), /ist keine Word-Datei/);
    });

    it('a file that is no zip at all', async () => {
      await expectRefusal('Notiz.docx', new TextEncoder().encode('Nur ein Text.'), /ist keine Word-Datei/);
    });

    it('an encrypted Word file', async () => {
      await expectRefusal('Geheim.docx', oleFile('EncryptedPackage'), /mit einem Kennwort verschlüsselt/);
    });

    it('an old .doc file', async () => {
      await expectRefusal('Alt.doc', oleFile('WordDocument'), /älteren Word-Format \(\.doc\)/);
    });

    it('a file over 50 MB, before reading it', async () => {
      // Zeros: were it read, it would be "keine Word-Datei"; the size alone refuses it.
      await expectRefusal('Riesig.docx', new Uint8Array(WORD_IMPORT_LIMIT + 1), /zu groß \(50 MB\); höchstens 50 MB/, 'too_large');
    });
  });

  it('is the contract method drafts.importWord', async () => {
    const dispatch = createDispatcher(createHandlers(services));
    const result = await dispatch('drafts.importWord', { name: 'Änderungen.docx', data: new Uint8Array(await trackedChangesDocument()) });
    expect(result).toMatchObject({ ok: true, value: { draft: { article: { meta: { title: 'Mit Änderungen' } } }, notices: [expect.stringContaining('nachverfolgte Änderungen')] } });
    const refused = await dispatch('drafts.importWord', { name: 'Notiz.docx', data: new TextEncoder().encode('Nur ein Text.') });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Die Datei „Notiz.docx“ ist keine Word-Datei (.docx). Es wurde nichts importiert.' } });
  });
});
