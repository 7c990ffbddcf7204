import { AlignmentType, BorderStyle, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

/**
 * The paragraph styles of an exported Word file, by id, with the names Word shows and the
 * names a reader of the file (mammoth's style map, `p[style-name='…']`) finds them by. Title,
 * headings ("Heading 2" … "Heading 6" for H2–H6), lists and "Caption" are Word's own styles.
 */
export const wordStyles = {
  embargo: { id: 'Embargo', name: 'Sperrfrist' },
  draft: { id: 'DraftMark', name: 'Entwurf' },
  dateline: { id: 'Dateline', name: 'Datumszeile' },
  lead: { id: 'Lead', name: 'Vorspann' },
  /** Word's built-in name: German Word shows it as "Zitat". */
  quote: { id: 'Quote', name: 'Quote' },
  quoteSpeaker: { id: 'QuoteSpeaker', name: 'Zitat Sprecher' },
  /** Word's built-in "Beschriftung": under images, above tables. */
  caption: { id: 'Caption', name: 'caption' },
  contact: { id: 'Contact', name: 'Pressekontakt' },
} as const;

export const BODY_FONT = 'Arial';
const mark = { bold: true, color: 'B00020' };

const paragraphStyles: IParagraphStyleOptions[] = [
  { ...wordStyles.embargo, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: mark, paragraph: { spacing: { after: 120 } } },
  {
    ...wordStyles.draft,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: mark,
    paragraph: { spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: 'B00020', space: 4 } } },
  },
  { ...wordStyles.dateline, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: '4A4A4A' }, paragraph: { spacing: { after: 240 } } },
  { ...wordStyles.lead, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true }, paragraph: { spacing: { after: 240 } } },
  { ...wordStyles.quote, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 567, right: 567 } } },
  {
    ...wordStyles.quoteSpeaker,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: { indent: { left: 567, right: 567 }, alignment: AlignmentType.RIGHT, spacing: { after: 240 } },
  },
  { ...wordStyles.contact, basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { spacing: { after: 0 } } },
];

/** The document's styles: German text in Arial 11 pt, and the styles above. */
export const documentStyles: IStylesOptions = {
  default: {
    document: { run: { font: BODY_FONT, size: 22, language: { value: 'de-DE' } }, paragraph: { spacing: { after: 160 } } },
    title: { run: { font: BODY_FONT, size: 36, bold: true, color: '1B1B1B' } },
    caption: { run: { italics: false, size: 18, color: '4A4A4A' } },
  },
  paragraphStyles,
};

/**
 * How a reader of the file finds these styles with mammoth (`convertToHtml(…, { styleMap })`):
 * each of the release's parts as an element with a class, the quote as a blockquote.
 */
export const wordStyleMap: readonly string[] = [
  "p[style-name='Title'] => h1.title:fresh",
  `p[style-name='${wordStyles.embargo.name}'] => p.embargo:fresh`,
  `p[style-name='${wordStyles.draft.name}'] => p.draft:fresh`,
  `p[style-name='${wordStyles.dateline.name}'] => p.dateline:fresh`,
  `p[style-name='${wordStyles.lead.name}'] => p.lead:fresh`,
  `p[style-name='${wordStyles.quote.name}'] => blockquote > p:fresh`,
  `p[style-name='${wordStyles.quoteSpeaker.name}'] => p.speaker:fresh`,
  `p[style-name='${wordStyles.caption.name}'] => p.caption:fresh`,
  `p[style-name='${wordStyles.contact.name}'] => p.contact:fresh`,
];
