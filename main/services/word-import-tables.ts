import type { Document, Element, Node } from 'happy-dom';

/**
 * A Word table as the "Tabelle" block takes it: the header row kept (Word's "repeat as header
 * row" comes as <th>; a first row that is entirely bold becomes one), merged cells split into
 * single ones (the portal's table has none), each cell one paragraph (lines joined by breaks),
 * and a caption-styled paragraph right above or below it as its caption.
 */
export function normaliseTable(table: Element, document: Document, isCaption: (element: Element | null) => boolean): void {
  const rows = [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
  splitMergedCells(rows, document);
  const firstCells = [...(rows[0]?.children ?? [])];
  const blank = (cell: Element) => (cell.textContent ?? '').trim() === '';
  const headerRow = firstCells.some((cell) => !blank(cell)) && firstCells.every((cell) => cell.tagName === 'TH' || blank(cell) || isEntirelyBold(cell));
  if (headerRow) for (const cell of firstCells) if (cell.tagName !== 'TH') cell.replaceWith(renamed(cell, 'th', document));
  for (const row of rows) {
    for (const cell of [...row.children]) {
      const paragraph = singleParagraph(cell, document);
      if (cell.tagName === 'TH') for (const strong of [...paragraph.querySelectorAll('strong')]) strong.replaceWith(...strong.childNodes);
      cell.replaceChildren(paragraph);
    }
  }
  for (const candidate of [table.previousElementSibling, table.nextElementSibling]) {
    if (!isCaption(candidate) || table.querySelector('caption')) continue;
    const caption = document.createElement('caption');
    caption.textContent = (candidate!.textContent ?? '').trim();
    table.prepend(caption);
    candidate!.remove();
  }
}

/** Whether all the text of an element stands in bold (and there is some). */
export function isEntirelyBold(element: Element): boolean {
  const texts: Node[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) texts.push(node);
    for (const child of node.childNodes) walk(child);
  };
  walk(element);
  const visible = texts.filter((text) => (text.textContent ?? '').trim() !== '');
  return (
    visible.length > 0 &&
    visible.every((text) => {
      const bold = text.parentElement?.closest('strong, b');
      return bold !== null && bold !== undefined && element.contains(bold);
    })
  );
}

function renamed(element: Element, tag: string, document: Document): Element {
  const copy = document.createElement(tag);
  for (const attribute of [...element.attributes]) copy.setAttribute(attribute.name, attribute.value ?? '');
  copy.append(...element.childNodes);
  return copy;
}

/** Spanning cells become one cell plus empty ones, so that every row has its columns. */
function splitMergedCells(rows: Element[], document: Document): void {
  // Columns still covered by a cell spanning down from a row above, and that cell's kind.
  const coveredBy: Array<{ rows: number; tag: string }> = [];
  for (const row of rows) {
    const cells: Element[] = [];
    let column = 0;
    const fillCovered = () => {
      while ((coveredBy[column]?.rows ?? 0) > 0) {
        cells.push(document.createElement(coveredBy[column]!.tag));
        coveredBy[column]!.rows -= 1;
        column += 1;
      }
    };
    for (const cell of [...row.children]) {
      fillCovered();
      const columns = spanOf(cell, 'colspan');
      const down = spanOf(cell, 'rowspan');
      cell.removeAttribute('colspan');
      cell.removeAttribute('rowspan');
      cells.push(cell);
      for (let extra = 0; extra < columns; extra++) {
        if (extra > 0) cells.push(document.createElement(cell.tagName.toLowerCase()));
        coveredBy[column + extra] = { rows: down - 1, tag: cell.tagName.toLowerCase() };
      }
      column += columns;
    }
    fillCovered();
    row.replaceChildren(...cells);
  }
}

function spanOf(cell: Element, attribute: 'colspan' | 'rowspan'): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 100) : 1;
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DIV', 'TABLE', 'TR', 'TD', 'TH', 'THEAD', 'TBODY', 'BLOCKQUOTE']);

/** The cell's content as one paragraph: its paragraphs and list items become lines. */
function singleParagraph(cell: Element, document: Document): Element {
  const paragraph = document.createElement('p');
  const collect = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 1 && BLOCK_TAGS.has((child as Element).tagName)) {
        collect(child);
        if (paragraph.lastChild && paragraph.lastChild.nodeName !== 'BR') paragraph.append(document.createElement('br'));
      } else {
        paragraph.append(child);
      }
    }
  };
  collect(cell);
  while (paragraph.lastChild?.nodeName === 'BR') paragraph.removeChild(paragraph.lastChild);
  return paragraph;
}
