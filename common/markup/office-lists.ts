import { isCountingMarker } from './list-markers.js';

/**
 * Lists as office programs put them on the clipboard, made into real, nested HTML lists:
 * Word's and Outlook's `mso-list` paragraphs (the marker is text in a `mso-list:Ignore` span),
 * Word on the web's one-item lists with `data-aria-level`, and the lists of Google Docs and
 * LibreOffice, which nest a list directly inside a list instead of inside an item.
 */

/**
 * Office's inline styles, renamed before parsing: they carry the structure (`mso-list`, bold
 * and shading written as styles), and a document the page parses must not apply styles its
 * Content Security Policy forbids.
 */
export const STYLE = 'data-office-style';

interface Item {
  element: Element;
  level: number;
  ordered: boolean;
  /** Items of one Word list share it (`l0 … lfo1`); a change starts a new list. */
  list: string;
}

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)\s+(lfo\d+)/i;
/** The span that holds Word's typed marker ("·", "1.") and its spacing. */
const IGNORED = `[${STYLE}*="mso-list:Ignore"], [${STYLE}*="mso-list: Ignore"]`;

/** Word's and Outlook's list paragraphs: `<p style="mso-list:l0 level2 lfo1">` with a typed marker. */
export function buildWordLists(root: Element): void {
  // A numbered heading ("1. Einleitung") stays a heading: only its typed number goes.
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) heading.querySelector(IGNORED)?.remove();
  const paragraphs = [...root.querySelectorAll('p')].filter((element) => MSO_LIST.test(element.getAttribute(STYLE) ?? ''));
  let run: Item[] = [];
  const flush = () => {
    if (run.length > 0) replaceWithList(run);
    run = [];
  };
  for (const element of paragraphs) {
    const [, list, level, override] = MSO_LIST.exec(element.getAttribute(STYLE) ?? '')!;
    const markerSpan = element.querySelector(IGNORED);
    const marker = markerSpan?.textContent?.replace(/[\s\u00a0]+/g, '') ?? '';
    markerSpan?.remove();
    const item: Item = { element, level: Number(level), ordered: isCountingMarker(marker), list: `${list}/${override}` };
    const previous = run.at(-1);
    if (previous && (previous.list !== item.list || !adjacent(previous.element, element))) flush();
    run.push(item);
  }
  flush();
}

/** Word on the web: each item its own `<ul>`/`<ol>` in a wrapper, its depth in `data-aria-level`. */
export function joinWebLists(root: Element): void {
  const items = [...root.querySelectorAll('li[data-aria-level]')];
  let run: Item[] = [];
  const flush = () => {
    if (run.length > 0) replaceWithList(run, (item) => item.element.closest('.ListContainerWrapper') ?? item.element.parentElement!);
    run = [];
  };
  for (const element of items) {
    const container = element.closest('.ListContainerWrapper') ?? element.parentElement!;
    const item: Item = { element, level: Number(element.getAttribute('data-aria-level')) || 1, ordered: element.parentElement?.tagName === 'OL', list: '' };
    const previous = run.at(-1);
    const previousContainer = previous && (previous.element.closest('.ListContainerWrapper') ?? previous.element.parentElement!);
    if (previous && previousContainer !== container && !adjacent(previousContainer!, container)) flush();
    run.push(item);
  }
  flush();
}

/** `<ul><li>…</li><ul>…</ul></ul>` (Google Docs, LibreOffice): the inner list moves into the item before it. */
export function nestStrayLists(root: Element): void {
  for (const list of [...root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol')]) {
    const previous = list.previousElementSibling;
    if (previous?.tagName === 'LI') previous.append(list);
    else list.replaceWith(wrap(list, 'li'));
  }
}

/** Only whitespace, empty markup or comments between two elements. */
function adjacent(first: Element, second: Element): boolean {
  for (let node = first.nextSibling; node; node = node.nextSibling) {
    if (node === second) return true;
    if (node.nodeType === 1 || (node.nodeType === 3 && (node.textContent ?? '').trim() !== '')) return false;
  }
  return false;
}

function wrap(element: Element, tag: string): Element {
  const wrapper = element.ownerDocument.createElement(tag);
  element.replaceWith(wrapper);
  wrapper.append(element);
  return wrapper;
}

/** Replaces a run of items (each where `slot` says) by one nested list at the first item's place. */
function replaceWithList(run: Item[], slot: (item: Item) => Element = (item) => item.element): void {
  const document = run[0]!.element.ownerDocument;
  const base = Math.min(...run.map((item) => item.level));
  const stack: Array<{ list: Element; level: number }> = [];
  let top: Element | null = null;
  for (const item of run) {
    const level = item.level - base + 1;
    while (stack.length > 0 && stack.at(-1)!.level > level) stack.pop();
    let current = stack.at(-1);
    if (!current || current.level < level) {
      const list = document.createElement(item.ordered ? 'ol' : 'ul');
      if (current) {
        const parentItem = current.list.lastElementChild ?? current.list.appendChild(document.createElement('li'));
        parentItem.append(list);
      } else top ??= list;
      current = { list, level };
      stack.push(current);
    }
    const li = document.createElement('li');
    if (item.element.tagName === 'LI') li.append(...item.element.childNodes);
    else {
      const paragraph = document.createElement('p');
      paragraph.append(...item.element.childNodes);
      li.append(paragraph);
    }
    current.list.append(li);
  }
  const first = slot(run[0]!);
  first.replaceWith(top!);
  for (const item of run.slice(1)) {
    const place = slot(item);
    if (place.isConnected && place !== top) place.remove();
  }
}
