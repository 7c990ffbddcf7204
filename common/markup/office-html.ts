import { buildWordLists, joinWebLists, nestStrayLists, STYLE } from './office-lists.js';

/**
 * HTML that Word (Windows, Mac, web), Outlook, LibreOffice and Google Docs put on the clipboard,
 * cleaned into the plain, semantic HTML the editor's blocks read: real lists with their levels,
 * headings, tables with a header row, links with their exact address; no styles, fonts,
 * colours, classes, conditional comments or empty paragraphs. Other HTML is left as it is
 * (the editor's own clipboard above all, whose classes carry the blocks).
 */

export type OfficeSource = 'word' | 'word-web' | 'libreoffice' | 'google-docs';

export interface CleanedHtml {
  html: string;
  /** Pictures that pointed to files on the author's computer (`file:`, `cid:`): empty image slots now. */
  localImages: number;
}

/** Which office program made this clipboard HTML, or null. */
export function officeSource(html: string): OfficeSource | null {
  if (/data-pm-slice/.test(html)) return null;
  if (/id="docs-internal-guid-/.test(html)) return 'google-docs';
  if (/<meta[^>]+content="LibreOffice|<meta[^>]+name="?generator"?[^>]+LibreOffice/i.test(html)) return 'libreoffice';
  if (/class="?(?:OutlineElement|ListContainerWrapper|Paragraph)\b[^>]*|data-listid=|data-ccp-props=/.test(html) && /TextRun|data-listid|data-ccp-props/.test(html)) return 'word-web';
  if (/urn:schemas-microsoft-com:office|class="?Mso|mso-[a-z-]+:/i.test(html)) return 'word';
  return null;
}

/** Cleans office clipboard HTML; `parse` turns markup into a document (DOMParser in a browser). */
export function cleanOfficeHtml(html: string, parse: (markup: string) => Document): CleanedHtml | null {
  const source = officeSource(html);
  if (!source) return null;
  const document = parse(html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/(<[a-z][\w:-]*\s(?:[^>]*?\s)?)style=/gi, `$1${STYLE}=`));
  const body = document.body;
  removeNoise(body);
  if (source === 'google-docs') for (const wrapper of body.querySelectorAll('b[id^="docs-internal-guid-"]')) unwrap(wrapper);
  styledRunsToMarks(body);
  if (source === 'word') {
    buildWordLists(body);
    wordParagraphStyles(body);
  }
  if (source === 'word-web') {
    // Its end-of-paragraph marks are spaces of their own; headings are paragraphs with a role.
    for (const mark of body.querySelectorAll('span.EOP')) mark.remove();
    for (const heading of [...body.querySelectorAll('p[role="heading"][aria-level]')]) rename(heading, `h${Math.min(6, Math.max(1, Number(heading.getAttribute('aria-level')) || 2))}`);
    joinWebLists(body);
  }
  nestStrayLists(body);
  headerRows(body);
  const localImages = localImageSlots(body);
  dropEmptyParagraphs(body);
  stripPresentation(body);
  return { html: body.innerHTML, localImages };
}

/** Comments (Word's conditional ones included), styles, metadata, Office's own XML elements, typed list markers. */
function removeNoise(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 0x80 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  for (const element of [...root.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    // VML shapes are drawn pictures whose <img> fallback follows; other Office elements (o:p, w:sdt) wrap text.
    if (['style', 'meta', 'link', 'title', 'script', 'xml', 'colgroup', 'col'].includes(tag) || tag.startsWith('v:')) element.remove();
    else if (tag.includes(':')) unwrap(element);
  }
}

/** Bold, italic, sub- and superscript written as styles (Google Docs, Word on the web) become marks. */
function styledRunsToMarks(root: Element): void {
  for (const span of [...root.querySelectorAll(`span[${STYLE}]`)]) {
    const style = span.getAttribute(STYLE) ?? '';
    const marks: string[] = [];
    const weight = /font-weight:\s*(bold|[6-9]00)/i.exec(style);
    if (weight && !span.closest('h1, h2, h3, h4, h5, h6, th, b, strong')) marks.push('strong');
    if (/font-style:\s*italic/i.test(style) && !span.closest('i, em')) marks.push('em');
    const shift = /vertical-align:\s*(super|sub)/i.exec(style);
    if (shift) marks.push(shift[1]!.toLowerCase() === 'super' ? 'sup' : 'sub');
    let inner: Element = span;
    for (const mark of marks) {
      const element = span.ownerDocument.createElement(mark);
      element.append(...inner.childNodes);
      inner.append(element);
      inner = element;
    }
  }
}

/** Word's paragraph styles that mean structure: the title and headings written as styled paragraphs. */
function wordParagraphStyles(root: Element): void {
  for (const paragraph of [...root.querySelectorAll('p[class]')]) {
    const name = paragraph.getAttribute('class') ?? '';
    const level = /^MsoTitle$/i.test(name) ? 1 : Number(/^MsoHeading([1-6])$/i.exec(name)?.[1] ?? 0);
    if (level > 0) rename(paragraph, `h${level}`);
  }
}

/**
 * A first row that is bold or shaded is the header row (Word's "repeat as header row" is a
 * `<thead>`): its cells become `<th>`, which the table block reads as its header.
 */
function headerRows(root: Element): void {
  for (const table of root.querySelectorAll('table')) {
    const first = table.querySelector('tr');
    if (!first || first.querySelector('th')) continue;
    const cells = [...first.children].filter((cell) => cell.tagName === 'TD');
    // Word marks a repeated header row as a <thead> or as row -1 (`mso-yfti-irow:-1`).
    const inHead = first.parentElement?.tagName === 'THEAD' || /mso-yfti-irow:\s*-1/.test(first.getAttribute(STYLE) ?? '');
    const filled = cells.filter((cell) => (cell.textContent ?? '').trim() !== '');
    const bold = filled.length > 0 && filled.every(isEntirelyBold);
    const shaded = cells.length > 0 && cells.every((cell) => /background(?:-color)?:\s*(?!transparent|white|#fff\b|#ffffff\b|none|auto)[#\w]/i.test(`${cell.getAttribute(STYLE) ?? ''};${first.getAttribute(STYLE) ?? ''}`) || cell.hasAttribute('bgcolor'));
    if (inHead || bold || shaded) for (const cell of cells) rename(cell, 'th');
  }
}

function isEntirelyBold(cell: Element): boolean {
  const walker = cell.ownerDocument.createTreeWalker(cell, 0x4 /* NodeFilter.SHOW_TEXT */);
  let any = false;
  while (walker.nextNode()) {
    const text = walker.currentNode;
    if ((text.textContent ?? '').trim() === '') continue;
    any = true;
    if (!text.parentElement?.closest('b, strong')) return false;
  }
  return any;
}

/** Pictures that point to the author's disk or the mail (`file:`, `cid:`) cannot come along: each becomes an empty image slot. */
function localImageSlots(root: Element): number {
  let count = 0;
  for (const image of [...root.querySelectorAll('img')]) {
    const source = image.getAttribute('src') ?? '';
    if (!/^(?:file:|cid:|blob:)/i.test(source) && source !== '') continue;
    count++;
    const slot = root.ownerDocument.createElement('div');
    slot.setAttribute('class', 'ce-textmedia');
    slot.innerHTML = '<figure><span class="ce-image-missing"></span></figure><div class="ce-bodytext"><p></p></div>';
    const alt = image.getAttribute('alt');
    if (alt) slot.querySelector('span')!.setAttribute('data-alt', alt);
    const block = image.closest('p, li, td, th, h1, h2, h3, h4, h5, h6');
    if (block && block.parentElement && !block.matches('li, td, th')) {
      image.remove();
      block.after(slot);
    } else image.replaceWith(slot);
  }
  return count;
}

/** Paragraphs with nothing but spaces, non-breaking spaces and empty markup; line breaks between blocks. */
function dropEmptyParagraphs(root: Element): void {
  for (const lineBreak of [...root.querySelectorAll('br')]) if (!lineBreak.parentElement?.closest('p, li, td, th, h1, h2, h3, h4, h5, h6')) lineBreak.remove();
  for (const paragraph of [...root.querySelectorAll('p, h1, h2, h3, h4, h5, h6')]) {
    if (paragraph.closest('td, th, li, .ce-textmedia')) continue;
    if ((paragraph.textContent ?? '').replace(/[\s\u00a0]+/g, '') === '' && !paragraph.querySelector('img, br + br')) paragraph.remove();
  }
}

const kept: Record<string, readonly string[]> = { a: ['href'], img: ['src', 'alt'], td: [], th: [], span: ['lang'] };

/** Styles, classes, fonts, colours and ids go; wrappers without meaning are unwrapped. */
function stripPresentation(root: Element): void {
  for (const element of [...root.querySelectorAll('*')]) {
    if (element.closest('.ce-textmedia')) continue;
    const tag = element.tagName.toLowerCase();
    const allowed = kept[tag] ?? [];
    for (const attribute of [...element.attributes]) if (!allowed.includes(attribute.name)) element.removeAttribute(attribute.name);
    // Word writes lang on every run; only a language other than German means something here.
    const lang = element.getAttribute('lang');
    if (lang !== null && (/^de\b/i.test(lang) || lang === '')) element.removeAttribute('lang');
    else if (lang !== null) element.setAttribute('lang', lang.split(/[-_]/)[0]!.toLowerCase());
    if (tag === 'font' || tag === 'div' || (tag === 'span' && !element.hasAttribute('lang')) || (tag === 'a' && !element.hasAttribute('href'))) unwrap(element);
  }
}

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

function rename(element: Element, tag: string): Element {
  const renamed = element.ownerDocument.createElement(tag);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
  return renamed;
}
