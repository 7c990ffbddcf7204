import { ExternalHyperlink, HeadingLevel, LevelFormat, Paragraph, TextRun, type INumberingOptions, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx';
import { safeHref } from '../../common/markup/html.js';
import type { Inline, RichBlock, RichText } from '../../common/markup/rich-text.js';
import type { MediaRef } from '../../common/media.js';

/** What the writing of one Word file keeps track of across blocks. */
export interface WordContext {
  /** A fresh instance of a list's numbering, so that each numbered list counts from 1. */
  listInstance(): number;
  /** The level of the heading written last (1: the title), for the headings a block adds. */
  lastHeading: number;
  /** A media file's bytes, or null when the store lacks it. */
  file(media: MediaRef): Uint8Array | null;
}

/** The look a block gives its paragraphs: a quote's style, a box's shading. */
export type ParagraphLook = Pick<IParagraphOptions, 'style' | 'shading' | 'border'> & { run?: IRunOptions };

const listReferences = { bullet: 'bullet-list', ordered: 'numbered-list' } as const;
const LIST_LEVELS = 9;
const indentStep = 360;

/** Bullets (•, ◦, ▪) and numbers (1., a., i.) on nine levels, as Word's own list styles. */
export const listNumbering: INumberingOptions = {
  config: [
    {
      reference: listReferences.bullet,
      levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({
        level,
        format: LevelFormat.BULLET,
        text: ['•', '◦', '▪'][level % 3]!,
        style: { paragraph: { indent: { left: indentStep * (level + 1), hanging: indentStep } } },
      })),
    },
    {
      reference: listReferences.ordered,
      levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({
        level,
        format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
        text: `%${level + 1}.`,
        style: { paragraph: { indent: { left: indentStep * (level + 1), hanging: indentStep } } },
      })),
    },
  ],
};

/** Inline runs with their marks; a link whose target is unsafe keeps its text and loses the link, as on the portal. */
export function inlineRuns(inlines: readonly Inline[], base: IRunOptions = {}): ParagraphChild[] {
  return inlines.map((inline): ParagraphChild => {
    if ('hardBreak' in inline) return new TextRun({ ...base, break: 1 });
    const options: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = { ...base, text: inline.text };
    let href: string | null = null;
    for (const mark of inline.marks ?? []) {
      if (mark.type === 'bold') options.bold = true;
      else if (mark.type === 'italic') options.italics = true;
      else if (mark.type === 'subscript') options.subScript = true;
      else if (mark.type === 'superscript') options.superScript = true;
      else if (mark.type === 'language') options.language = { value: mark.lang };
      else href = safeHref(mark.href);
    }
    if (!href) return new TextRun(options);
    return new ExternalHyperlink({ link: href, children: [new TextRun({ ...options, style: 'Hyperlink' })] });
  });
}

/** "Heading 2" … "Heading 6": the title is the document's only level 1, as on the portal. */
export function headingParagraph(level: number, children: ParagraphChild[], context: WordContext, look: ParagraphLook = {}): Paragraph {
  const clamped = Math.min(6, Math.max(2, level));
  context.lastHeading = clamped;
  const { run: _run, ...paragraph } = look;
  return new Paragraph({ ...paragraph, heading: HeadingLevel[`HEADING_${clamped}` as 'HEADING_2'], children });
}

export function textParagraph(text: string, look: ParagraphLook = {}): Paragraph {
  const { run, ...paragraph } = look;
  return new Paragraph({ ...paragraph, children: [new TextRun({ ...run, text })] });
}

/** Rich text (paragraphs, headings, lists to any depth) as Word paragraphs with the given look. */
export function richParagraphs(blocks: RichText, context: WordContext, look: ParagraphLook = {}): Paragraph[] {
  const { run, ...paragraph } = look;
  return blocks.flatMap((block): Paragraph[] => {
    if (block.kind === 'heading') return [headingParagraph(block.level, inlineRuns(block.content, run), context, look)];
    if (block.kind === 'paragraph') return [new Paragraph({ ...paragraph, children: inlineRuns(block.content, run) })];
    return listParagraphs(block, context, look, 0);
  });
}

/**
 * A list: the first paragraph of each item carries the bullet or number, further paragraphs of
 * the item stand indented under it, a nested list goes one level deeper.
 */
function listParagraphs(list: Extract<RichBlock, { kind: 'list' }>, context: WordContext, look: ParagraphLook, level: number): Paragraph[] {
  const { run, ...paragraph } = look;
  const reference = list.ordered ? listReferences.ordered : listReferences.bullet;
  const instance = context.listInstance();
  const depth = Math.min(level, LIST_LEVELS - 1);
  const paragraphs: Paragraph[] = [];
  for (const item of list.items) {
    let numbered = false;
    for (const block of item) {
      if (block.kind === 'list') {
        paragraphs.push(...listParagraphs(block, context, look, level + 1));
        continue;
      }
      const children = inlineRuns(block.content, run);
      paragraphs.push(
        numbered
          ? new Paragraph({ ...paragraph, indent: { left: indentStep * (depth + 1) }, children })
          : new Paragraph({ ...paragraph, numbering: { reference, level: depth, instance }, children }),
      );
      numbered = true;
    }
    // An empty item still gets its bullet.
    if (!numbered && item.every((block) => block.kind !== 'list')) paragraphs.push(new Paragraph({ ...paragraph, numbering: { reference, level: depth, instance }, children: [] }));
  }
  return paragraphs;
}
