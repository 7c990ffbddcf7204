import { randomUUID } from 'node:crypto';
import { generateJSON } from '@tiptap/html/server';
import { Window, type Document, type Element } from 'happy-dom';
import { articleLimits, type ArticleBody, type DocumentNode } from '../../common/article.js';
import { blockIdTypes, documentExtensions } from '../../common/blocks/catalog.js';
import { emptyImage, type Image } from '../../common/blocks/image.js';
import type { MediaRef } from '../../common/media.js';
import { contentMessage } from '../../common/messages/index.js';
import { isEntirelyBold, normaliseTable } from './word-import-tables.js';
import { wordStyles } from './word-styles.js';

/** Classes the import's style map gives Word's paragraph styles (see `importStyleMap`). */
const TITLE = 'word-title';
const LEAD = 'word-lead';
const CAPTION = 'word-caption';
/** Prefix of the ids mammoth gives footnotes, endnotes and their references. */
export const NOTE_ID_PREFIX = 'word-';

/**
 * Mammoth's style map: the style names of Word, LibreOffice (German) and pandoc onto marked HTML.
 * A file Pressestelle exported ("Als Word-Datei exportieren") comes back without its marks,
 * date line and contact block in the text: they are the release's metadata, not its body.
 */
export const importStyleMap = [
  ...[wordStyles.embargo, wordStyles.draft, wordStyles.dateline, wordStyles.contact].map((style) => `p[style-name='${style.name}'] => !`),
  ...['Title', 'Titel'].map((style) => `p[style-name='${style}'] => p.${TITLE}:fresh`),
  ...['Subtitle', 'Untertitel', 'Vorspann', 'Lead'].map((style) => `p[style-name='${style}'] => p.${LEAD}:fresh`),
  ...['Caption', 'Beschriftung', 'Abbildungsbeschriftung', 'Image Caption', 'Table Caption'].map((style) => `p[style-name='${style}'] => p.${CAPTION}:fresh`),
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='Überschrift ${level}'] => h${level}:fresh`),
];

export interface MappedWordDocument {
  title: string;
  lead: string;
  body: ArticleBody;
}

/**
 * Mammoth's HTML of a Word document as a press release: the title and lead taken out, images
 * with their captions as "Text mit Bild", tables with their header row, footnotes as an
 * "Anmerkungen" section, then parsed with the block catalog's own rules and every block given
 * its id. `images` maps the placeholder address of each image to its file in the media store,
 * or null when it was refused (it is then left out).
 */
export function mapWordHtml(html: string, images: ReadonlyMap<string, MediaRef | null>): MappedWordDocument {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  try {
    const document = window.document;
    const root = document.createElement('div');
    root.innerHTML = html;
    turnNotesIntoSection(root, document);
    // Before the lead is looked for: a bookmark (an empty anchor) may stand first.
    unwrapInternalLinks(root);
    const title = takeTitle(root, document);
    const lead = takeLead(root);
    placeImages(root, document, images);
    const isCaption = (element: Element | null) => element?.tagName === 'P' && element.classList.contains(CAPTION);
    for (const table of [...root.children].filter((child) => child.tagName === 'TABLE')) normaliseTable(table, document, isCaption);
    for (const marked of [...root.querySelectorAll(`.${TITLE}, .${LEAD}, .${CAPTION}`)]) marked.removeAttribute('class');
    const body = generateJSON(root.innerHTML, documentExtensions()) as ArticleBody;
    return { title, lead, body: withBlockIds(body) };
  } finally {
    void window.happyDOM.abort();
    void window.happyDOM.close();
  }
}

/** The Title paragraph, else the first Heading 1; a further Title paragraph becomes a heading. */
function takeTitle(root: Element, document: Document): string {
  const styled = [...root.querySelectorAll(`p.${TITLE}`)];
  const candidate = styled[0] ?? root.querySelector('h1');
  let title = '';
  const text = textOf(candidate);
  if (candidate && text !== '' && text.length <= articleLimits.titleLength) {
    title = text;
    candidate.remove();
  }
  for (const rest of styled) {
    if (!rest.isConnected) continue;
    const heading = document.createElement('h2');
    heading.append(...rest.childNodes);
    rest.replaceWith(heading);
  }
  return title;
}

/** Paragraphs styled "Vorspann", "Lead" or "Subtitle"; else a first paragraph entirely in bold. */
function takeLead(root: Element): string {
  const styled = [...root.querySelectorAll(`p.${LEAD}`)].filter((paragraph) => textOf(paragraph) !== '');
  const first = root.firstElementChild;
  const candidates = styled.length > 0 ? styled : first?.tagName === 'P' && isEntirelyBold(first) ? [first] : [];
  const lead = candidates.map(textOf).join(' ');
  if (lead === '' || lead.length > articleLimits.leadLength) return '';
  for (const paragraph of candidates) paragraph.remove();
  return lead;
}

/**
 * Mammoth writes footnotes and endnotes as a closing list with back links, referenced by "[1]"
 * links: the list becomes "Anmerkungen" (a heading and a numbered list), each reference a plain
 * superscript number, so that no link points nowhere.
 */
function turnNotesIntoSection(root: Element, document: Document): void {
  const notes = [...root.querySelectorAll('li[id]')].filter((item) => isNoteId(item.id));
  for (const link of [...root.querySelectorAll('a[href^="#"]')]) {
    const target = link.getAttribute('href')!.slice(1);
    if (isNoteId(target)) link.replaceWith(document.createTextNode((link.textContent ?? '').replace(/^\[(.*)\]$/, '$1')));
    else if (/^(footnote|endnote)-ref-/.test(target.slice(NOTE_ID_PREFIX.length))) link.remove();
  }
  const list = notes[0]?.parentElement;
  if (!list) return;
  for (const item of notes) {
    item.removeAttribute('id');
    // The back link stood last, after a space.
    const last = item.lastElementChild;
    if (last?.lastChild?.nodeType === 3) last.lastChild.textContent = (last.lastChild.textContent ?? '').trimEnd();
  }
  const heading = document.createElement('h2');
  heading.textContent = contentMessage('word.notesHeading');
  list.before(heading);
}

function isNoteId(id: string): boolean {
  return id.startsWith(NOTE_ID_PREFIX) && /^(footnote|endnote)-\d+$/.test(id.slice(NOTE_ID_PREFIX.length));
}

/** Links to bookmarks inside the Word file lead nowhere in a release: their text stays. */
function unwrapInternalLinks(root: Element): void {
  for (const link of [...root.querySelectorAll('a')]) {
    const href = link.getAttribute('href');
    if (href === null || href.startsWith('#')) link.replaceWith(...link.childNodes);
  }
}

/**
 * Each image becomes a "Text mit Bild" block in place of its paragraph (whose text, if any,
 * becomes the block's text); a caption-styled paragraph right after it becomes its caption.
 */
function placeImages(root: Element, document: Document, images: ReadonlyMap<string, MediaRef | null>): void {
  const blocks = [...root.children].filter((block) => block.querySelector('img'));
  for (const block of blocks) {
    const found = [...block.querySelectorAll('img')];
    for (const img of found) img.remove();
    const kept = found.flatMap((img) => {
      const media = images.get(img.getAttribute('src') ?? '');
      return media ? [{ ...emptyImage(), media, alt: (img.getAttribute('alt') ?? '').trim().slice(0, 1000) }] : [];
    });
    const next = block.nextElementSibling;
    const last = kept.at(-1);
    if (last && next?.tagName === 'P' && next.classList.contains(CAPTION)) {
      last.caption = textOf(next).slice(0, 1000);
      next.remove();
    }
    if (block.tagName !== 'P') {
      block.after(...kept.map((image) => textWithImage(document, image, null)));
      continue;
    }
    // The paragraph's own text moves into the first block; without images it stays where it is.
    const place = document.createElement('div');
    block.before(place);
    const ownText = textOf(block) !== '';
    const figures = kept.map((image, index) => textWithImage(document, image, index === 0 && ownText ? block : null));
    if (!ownText) block.remove();
    place.replaceWith(...figures);
  }
}

/** The "Text mit Bild" markup its parse rule reads (see common/blocks/text-with-image.ts). */
function textWithImage(document: Document, image: Image, text: Element | null): Element {
  const block = document.createElement('div');
  block.className = 'ce-textmedia ce-textmedia-above';
  const figure = document.createElement('figure');
  const img = document.createElement('img');
  const media = image.media!;
  img.setAttribute('alt', image.alt);
  img.setAttribute('data-sha256', media.sha256);
  img.setAttribute('data-mime-type', media.mimeType);
  img.setAttribute('data-size', String(media.size));
  img.setAttribute('data-name', media.name);
  figure.append(img);
  if (image.caption) {
    const caption = document.createElement('figcaption');
    const span = document.createElement('span');
    span.className = 'ce-caption';
    span.textContent = image.caption;
    caption.append(span);
    figure.append(caption);
  }
  const bodytext = document.createElement('div');
  bodytext.className = 'ce-bodytext';
  bodytext.append(text ?? document.createElement('p'));
  block.append(figure, bodytext);
  return block;
}

function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every node that carries a block id gets a new one, as the editor's UniqueID would give it. */
function withBlockIds(body: ArticleBody): ArticleBody {
  const types = new Set<string>(blockIdTypes);
  const walk = (node: DocumentNode): DocumentNode => ({
    ...node,
    ...(types.has(node.type) ? { attrs: { ...node.attrs, id: randomUUID() } } : {}),
    ...(node.content ? { content: node.content.map(walk) } : {}),
  });
  return { type: 'doc', content: (body.content as DocumentNode[]).map(walk) };
}
