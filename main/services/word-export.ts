import { readFileSync } from 'node:fs';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, HeadingLevel, ExternalHyperlink, type FileChild } from 'docx';
import type { Article } from '../../common/article.js';
import type { Draft } from '../../common/contract.js';
import { slugify } from '../../common/german-folding.js';
import { contentMessage } from '../../common/messages/index.js';
import { toContentElements } from '../../common/rendering/content-elements.js';
import { topicsLine } from '../../common/rendering/release-extras.js';
import { contactLines, releaseMarks } from '../../common/rendering/release-output.js';
import { dateLine } from '../../common/rendering/render-article.js';
import type { MediaRef } from '../../common/media.js';
import { isApprovedText } from './release-approval.js';
import { elementToWord } from './word-export-blocks.js';
import { listNumbering, type WordContext } from './word-rich-text.js';
import { documentStyles, wordStyles } from './word-styles.js';

/** The MIME type of a .docx file. */
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface WordOptions {
  /** Whether the text is the revision the portal approved; otherwise it is marked "ENTWURF". */
  approved: boolean;
  /** A media file's bytes, or null when it is missing. */
  file(media: MediaRef): Uint8Array | null;
}

/**
 * "Als Word-Datei exportieren": the release as a .docx, top to bottom: "Sperrfrist: …" when an
 * embargo is set, "ENTWURF – nicht zur Veröffentlichung" unless approved, the title (Word's
 * "Title"), the place and date line, the Vorspann, the blocks (see `word-export-blocks.ts`) and
 * the press contact. The ministry stands in the page header, "Seite 1 von 2" in the footer.
 */
export async function wordDocument(article: Article, options: WordOptions): Promise<Uint8Array> {
  const { meta } = article;
  let lists = 0;
  const context: WordContext = { listInstance: () => ++lists, lastHeading: 1, file: options.file };
  const marks = releaseMarks(meta, options.approved);
  const line = dateLine(meta.place, meta.date);
  const children: FileChild[] = [
    ...(marks.embargo ? [styled(wordStyles.embargo.id, marks.embargo)] : []),
    ...(marks.draft ? [styled(wordStyles.draft.id, marks.draft)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] }),
    ...(line ? [styled(wordStyles.dateline.id, line)] : []),
    ...(meta.lead ? [styled(wordStyles.lead.id, meta.lead)] : []),
    ...toContentElements(article.body).flatMap((element) => elementToWord(element, context)),
    ...contactParagraphs(meta.contact),
    ...topicsParagraphs(meta.topics),
  ];
  const document = new Document({
    title: meta.title,
    creator: meta.ministry || contentMessage('app.title'),
    description: meta.lead,
    keywords: meta.topics.join(', '),
    styles: documentStyles,
    numbering: listNumbering,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        headers: meta.ministry ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: meta.ministry, size: 18, color: '4A4A4A' })] })] }) } : {},
        footers: { default: new Footer({ children: [pageNumberParagraph()] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function styled(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

/** "Pressekontakt" (bold), then the name, "Telefon: …" and "E-Mail: …", the addresses linked. */
function contactParagraphs(contact: Article['meta']['contact']): Paragraph[] {
  const lines = contactLines(contact);
  if (!lines) return [];
  return [
    new Paragraph({ style: wordStyles.contact.id, spacing: { before: 360 }, keepNext: true, children: [new TextRun({ text: lines.heading, bold: true })] }),
    ...lines.lines.map(
      (line) =>
        new Paragraph({
          style: wordStyles.contact.id,
          children: [
            ...(line.label ? [new TextRun(`${line.label}: `)] : []),
            line.href ? new ExternalHyperlink({ link: line.href, children: [new TextRun({ text: line.value, style: 'Hyperlink' })] }) : new TextRun(line.value),
          ],
        }),
    ),
  ];
}

/** "Themen: Haushalt, Finanzen" after the contact. */
function topicsParagraphs(topics: readonly string[]): Paragraph[] {
  const line = topicsLine(topics);
  return line ? [new Paragraph({ style: wordStyles.contact.id, spacing: { before: 240 }, children: [new TextRun({ text: `${line.label}: `, bold: true }), new TextRun(line.text)] })] : [];
}

/** "Seite 1 von 2" from the catalog, its placeholders as Word's page fields. */
function pageNumberParagraph(): Paragraph {
  const template = contentMessage('output.pageNumber');
  const fields: Record<string, (typeof PageNumber)[keyof typeof PageNumber]> = { '{page}': PageNumber.CURRENT, '{pages}': PageNumber.TOTAL_PAGES };
  const children = template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => new TextRun({ children: [fields[part] ?? part], size: 18, color: '4A4A4A' }));
  return new Paragraph({ alignment: AlignmentType.RIGHT, children });
}

/** What the export reads: the stored release, its files, the portal's approved text. */
export interface WordSources {
  drafts: { get(id: string): Draft };
  media: { file(sha256: string): { path: string } | null };
  sync: { approvedText(id: string): Article | null };
}

/** The stored release as a Word file: its name and its bytes, base64-encoded for either transport. */
export async function exportWord(sources: WordSources, id: string): Promise<{ fileName: string; data: string }> {
  const { article } = sources.drafts.get(id);
  const bytes = await wordDocument(article, {
    approved: isApprovedText(article, sources.sync.approvedText(id)),
    file: (media) => {
      const found = sources.media.file(media.sha256);
      return found ? readFileSync(found.path) : null;
    },
  });
  return { fileName: wordFileName(article.meta.title), data: Buffer.from(bytes).toString('base64') };
}

/** "Schneller-und-effizienter.docx": the title in letters, digits and dashes. */
export function wordFileName(title: string): string {
  return `${outputBaseName(title)}.docx`;
}

/** The same name for the PDF of the print view. */
export function pdfFileName(title: string): string {
  return `${outputBaseName(title)}.pdf`;
}

function outputBaseName(title: string): string {
  return slugify(title, { fallback: 'pressemitteilung', keepCase: true, maxLength: 80 });
}
