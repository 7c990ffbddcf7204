import { BorderStyle, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild } from 'docx';
import { accordionBlock } from '../../common/blocks/accordion.js';
import { backgroundBlock } from '../../common/blocks/background.js';
import type { BlockDefinition } from '../../common/blocks/block-definition.js';
import { boxBlock, portalBoxColours } from '../../common/blocks/box.js';
import { galleryBlock } from '../../common/blocks/gallery.js';
import { headingBlock } from '../../common/blocks/heading.js';
import type { Image } from '../../common/blocks/image.js';
import { linkListBlock } from '../../common/blocks/link-list.js';
import { quoteBlock } from '../../common/blocks/quote.js';
import { sliderBlock } from '../../common/blocks/slider.js';
import { tableBlock } from '../../common/blocks/table.js';
import { teasersBlock } from '../../common/blocks/teasers.js';
import { textWithImageBlock } from '../../common/blocks/text-with-image.js';
import { textBlock } from '../../common/blocks/text.js';
import { twoColumnsBlock } from '../../common/blocks/two-columns.js';
import { videoBlock } from '../../common/blocks/video.js';
import { safeHref } from '../../common/markup/html.js';
import { describeFile } from '../../common/media.js';
import { contentMessage } from '../../common/messages/index.js';
import type { ContentElement } from '../../common/rendering/content-elements.js';
import { imageSize } from './image-size.js';
import { headingParagraph, inlineRuns, richParagraphs, textParagraph, type WordContext } from './word-rich-text.js';
import { wordStyles } from './word-styles.js';

/**
 * What each content block becomes in a Word file: the one place of this rule (docs/word.md).
 *
 * | block | in Word |
 * | --- | --- |
 * | text, heading | paragraphs, lists (bullets, numbers, levels), "Heading 2" … "Heading 6" |
 * | quote | paragraphs in the style "Quote", then "– speaker, role" in "Zitat Sprecher" |
 * | background | its heading ("Heading 2") and text |
 * | table | caption ("Caption") above a table whose header row repeats on each page; header cells shaded |
 * | text with image | the image (alt text as its description), its caption, then the text |
 * | gallery, slider | the images one after another, each with title, caption or text, credit |
 * | two columns | a two-column table without borders |
 * | teasers | per teaser its headline (bold), its text and its link |
 * | accordion | per item a heading one level below the last heading, then its text |
 * | link list | its heading, then a bulleted list of links; a download names its file |
 * | video | a link to its address ("Video: …"), or its title and file; the transcript |
 * | box | its text as shaded paragraphs in the box's colours |
 *
 * Images Word cannot show (WebP) and files that are not in the document are named in brackets.
 */
interface WordMapping {
  readonly block: string;
  write(fields: unknown, context: WordContext): FileChild[];
}

function mapping<Fields>(block: BlockDefinition<Fields>, write: (fields: Fields, context: WordContext) => FileChild[]): WordMapping {
  return { block: block.name, write: (fields, context) => write(block.fieldsSchema.parse(fields), context) };
}

/** Word's page text width (A4, 2.5 cm margins) in pixels at 96 dpi: wider images are scaled down. */
const MAX_IMAGE_WIDTH = 604;
const docxImageTypes: Record<string, 'png' | 'jpg' | 'gif'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/** One image with its caption below: title (bold), caption, "Foto: …", each part that is there. */
export function imageParagraphs(image: Image, context: WordContext, extra: { title?: string; text?: string } = {}): Paragraph[] {
  const description = image.decorative ? '' : image.alt;
  const file = image.media ? context.file(image.media) : null;
  const type = image.media ? docxImageTypes[image.media.mimeType] : undefined;
  const paragraphs: Paragraph[] = [];
  if (!image.media || !file) paragraphs.push(textParagraph(contentMessage('output.imageMissing', { description: description || image.media?.name || '–' })));
  else if (!type) paragraphs.push(textParagraph(contentMessage('output.imageNotInWord', { description: description || '–' })));
  else {
    const size = imageSize(file, image.media.mimeType) ?? { width: 400, height: 300 };
    const scale = Math.min(1, MAX_IMAGE_WIDTH / Math.max(1, size.width));
    paragraphs.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type,
            data: file,
            transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
            altText: { title: extra.title || description, description },
            decorative: image.decorative,
          }),
        ],
      }),
    );
  }
  const parts: ParagraphChild[][] = [];
  if (extra.title) parts.push([new TextRun({ text: extra.title, bold: true })]);
  for (const text of [image.caption, extra.text, image.credit ? contentMessage('portal.credit', { credit: image.credit }) : '']) {
    if (text) parts.push([new TextRun(text)]);
  }
  if (parts.length > 0) {
    paragraphs.push(new Paragraph({ style: wordStyles.caption.id, children: parts.flatMap((part, index) => (index === 0 ? part : [new TextRun(' – '), ...part])) }));
  }
  return paragraphs;
}

const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'auto' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' }, left: { style: BorderStyle.NONE, size: 0, color: 'auto' }, right: { style: BorderStyle.NONE, size: 0, color: 'auto' }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'auto' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' } };

/** Every catalog block's Word equivalent (a test keeps the list complete). */
export const wordMappings: readonly WordMapping[] = [
  mapping(textBlock, ({ bodytext }, context) => richParagraphs(bodytext, context)),
  mapping(headingBlock, ({ header, headerLayout }, context) => [headingParagraph(headerLayout, inlineRuns(header), context)]),
  mapping(quoteBlock, ({ quote, speaker, role }, context) => [
    ...richParagraphs(quote, context, { style: wordStyles.quote.id }),
    ...(speaker || role ? [textParagraph(`– ${[speaker, role].filter(Boolean).join(', ')}`, { style: wordStyles.quoteSpeaker.id })] : []),
  ]),
  mapping(backgroundBlock, ({ header, bodytext }, context) => [headingParagraph(2, [new TextRun(header)], context), ...richParagraphs(bodytext, context)]),
  mapping(tableBlock, ({ caption, rows }) => {
    const [first] = rows;
    const headerRow = first !== undefined && first.length > 0 && first.every((cell) => cell.header);
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (cells, index) =>
          new TableRow({
            // Only where true: mammoth reads even `<w:tblHeader w:val="off"/>` as a header row.
            ...(headerRow && index === 0 ? { tableHeader: true } : {}),
            children: cells.map(
              (cell) =>
                new TableCell({
                  ...(cell.header ? { shading: { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } } : {}),
                  children: [new Paragraph({ children: inlineRuns(cell.content) })],
                }),
            ),
          }),
      ),
    });
    return [...(caption ? [new Paragraph({ style: wordStyles.caption.id, keepNext: true, children: [new TextRun(caption)] })] : []), table, new Paragraph({ children: [] })];
  }),
  mapping(textWithImageBlock, ({ image, bodytext }, context) => [...imageParagraphs(image, context), ...richParagraphs(bodytext, context)]),
  mapping(galleryBlock, ({ images }, context) => images.flatMap((image) => imageParagraphs(image, context, { title: image.title }))),
  mapping(sliderBlock, ({ slides }, context) => slides.flatMap((slide) => imageParagraphs({ ...slide, caption: '' }, context, { title: slide.title, text: slide.text }))),
  mapping(twoColumnsBlock, ({ left, right }, context) => [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: noBorders,
      rows: [
        new TableRow({
          children: [left, right].map(
            (column) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: orEmpty(richParagraphs(column, context)) }),
          ),
        }),
      ],
    }),
    new Paragraph({ children: [] }),
  ]),
  mapping(teasersBlock, ({ items }) =>
    items.flatMap((item) => {
      const href = safeHref(item.href);
      const link = item.linkText || item.href;
      return [
        ...(item.headline ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: item.headline, bold: true })] })] : []),
        ...(item.text ? [textParagraph(item.text)] : []),
        ...(link ? [new Paragraph({ children: inlineRuns([{ text: link, ...(href ? { marks: [{ type: 'link' as const, href }] } : {}) }]) })] : []),
      ];
    }),
  ),
  mapping(accordionBlock, ({ items }, context) => {
    const level = Math.min(6, Math.max(2, context.lastHeading + 1));
    return items.flatMap((item) => [headingParagraph(level, inlineRuns(item.title), context), ...richParagraphs(item.content, context)]);
  }),
  mapping(linkListBlock, ({ header, links }, context) => [
    ...(header ? [headingParagraph(2, [new TextRun(header)], context)] : []),
    ...richParagraphs(
      [
        {
          kind: 'list',
          ordered: false,
          items: links.map((link) => [
            {
              kind: 'paragraph',
              content: link.download
                ? [{ text: contentMessage('output.download', { title: link.title, file: describeFile(link.download) }) }]
                : [{ text: link.title || link.href, ...(safeHref(link.href) ? { marks: [{ type: 'link' as const, href: link.href }] } : {}) }],
            },
          ]),
        },
      ],
      context,
    ),
  ]),
  mapping(videoBlock, ({ title, url, video, transcript }) => {
    const href = safeHref(url);
    const line = href
      ? new Paragraph({ children: inlineRuns([{ text: contentMessage('output.video', { title: title || href }), marks: [{ type: 'link', href }] }]) })
      : textParagraph(video ? contentMessage('output.videoFile', { title: title || video.name, name: video.name }) : contentMessage('output.video', { title }));
    return [line, ...(transcript ? [textParagraph(contentMessage('output.transcript', { text: transcript }))] : [])];
  }),
  mapping(boxBlock, ({ variant, bodytext }, context) => {
    const { color, background } = portalBoxColours[variant] ?? { color: '#1b1b1b', background: '#ededed' };
    const side = { style: BorderStyle.SINGLE, size: 6, color: hex(background), space: 6 };
    return richParagraphs(bodytext, context, {
      shading: { type: ShadingType.CLEAR, fill: hex(background), color: 'auto' },
      border: { top: side, bottom: side, left: side, right: side },
      run: { color: hex(color) },
    });
  }),
];

/** A content element as Word paragraphs and tables; a block without a mapping is left out. */
export function elementToWord(element: ContentElement, context: WordContext): FileChild[] {
  const found = wordMappings.find((candidate) => candidate.block === element.block);
  return found ? found.write(element.fields, context) : [];
}

function hex(colour: string): string {
  return colour.replace('#', '').toUpperCase();
}

/** A table cell must hold a paragraph. */
function orEmpty(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ children: [] })];
}
