import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { z } from 'zod';
import type { DocumentNode } from '../article.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { escapeHtml } from '../markup/html.js';
import { wpBlock, wpInline } from './wordpress-markup.js';
import { fromRichText, inlineSchema, inlineSpecs, inlineText, toRichText } from '../markup/rich-text.js';
import { defineBlock, stringAttr, type RenderContext } from './block-definition.js';

const cellSchema = z.object({ header: z.boolean(), content: z.array(inlineSchema) });
const fieldsSchema = z.object({ caption: z.string().max(500), rows: z.array(z.array(cellSchema)) });
type Fields = z.infer<typeof fieldsSchema>;

/** Cells hold one paragraph and never span: the portal's table element has no merged cells. */
const PortalTableCell = TableCell.extend({ content: 'paragraph' });
const PortalTableHeader = TableHeader.extend({ content: 'paragraph' });
const PortalTable = Table.extend({
  addAttributes() {
    return { ...this.parent?.(), caption: { default: '', rendered: false } };
  },
  parseHTML() {
    return [
      { tag: 'table', getAttrs: (element) => ({ caption: element.querySelector('caption')?.textContent ?? '' }) },
      // The caption is an attribute of the table, not a row.
      { tag: 'caption', ignore: true },
    ];
  },
  // Plain DOM, without TipTap's TableView or a <colgroup> (cells have no widths here). The
  // block's id goes on the outer element, as with every other block: the checks mark a whole
  // block through it (renderer/src/editor/block-flags.ts).
  renderHTML({ HTMLAttributes }) {
    const { 'data-id': id, ...attributes } = HTMLAttributes as Record<string, unknown>;
    return ['div', { class: 'tableWrapper', 'data-id': id }, ['table', attributes, ['tbody', 0]]];
  },
}).configure({ resizable: false, allowTableNodeSelection: true, View: null });

function render(fields: Fields, _context: RenderContext): HtmlSpec {
  const [first, ...rest] = fields.rows;
  const headerRow = first && first.every((cell) => cell.header) ? first : null;
  const bodyRows = headerRow ? rest : fields.rows;
  const row = (cells: Fields['rows'][number]): HtmlSpec => [
    'tr',
    ...cells.map((cell): HtmlSpec => [cell.header ? 'th' : 'td', cell.header ? { scope: headerRow && cells === headerRow ? 'col' : 'row' } : {}, ...inlineSpecs(cell.content)]),
  ];
  return [
    'figure',
    { class: 'ce-table' },
    [
      'table',
      ...(fields.caption ? [['caption', fields.caption] as const] : []),
      ...(headerRow ? [['thead', row(headerRow)] as const] : []),
      ['tbody', ...bodyRows.map(row)],
    ],
  ];
}

function cellNode(cell: Fields['rows'][number][number]): DocumentNode {
  return { type: cell.header ? 'tableHeader' : 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: fromRichText([{ kind: 'paragraph', content: cell.content }]) };
}

/** "Tabelle": rows and cells with a header row and a caption, as in the demo page's year table. */
export const tableBlock = defineBlock<Fields>({
  name: 'table',
  elementType: 'table',
  label: 'block.table',
  description: 'block.table.description',
  keywords: ['tabelle', 'zeilen', 'spalten', 'übersicht'],
  editing: 'inline',
  extensions: [PortalTable, TableRow, PortalTableHeader, PortalTableCell],
  fieldsSchema,
  editorFields: [{ name: 'caption', label: 'field.tableCaption', control: 'text' }],
  create: () => ({
    type: 'table',
    attrs: { caption: '' },
    content: [
      { type: 'tableRow', content: [cellNode({ header: true, content: [] }), cellNode({ header: true, content: [] })] },
      { type: 'tableRow', content: [cellNode({ header: false, content: [] }), cellNode({ header: false, content: [] })] },
    ],
  }),
  toFields: (node) => ({
    caption: stringAttr(node, 'caption'),
    rows: (node.content ?? []).map((rowNode) =>
      (rowNode.content ?? []).map((cell) => {
        const [paragraph] = toRichText(cell.content ?? []);
        return { header: cell.type === 'tableHeader', content: paragraph?.kind === 'paragraph' ? paragraph.content : [] };
      }),
    ),
  }),
  fromFields: (fields, id) => ({
    type: 'table',
    attrs: { id, caption: fields.caption },
    content: fields.rows.map((cells) => ({ type: 'tableRow', content: cells.map(cellNode) })),
  }),
  render,
  // core/table: the header row in <thead>, the caption as the figure's caption.
  wordpress: (fields) => {
    const [first, ...rest] = fields.rows;
    const headerRow = first && first.every((cell) => cell.header) ? first : null;
    const row = (cells: Fields['rows'][number], head: boolean) =>
      `<tr>${cells.map((cell) => (cell.header ? `<th${head ? ' scope="col"' : ' scope="row"'}>${wpInline(cell.content)}</th>` : `<td>${wpInline(cell.content)}</td>`)).join('')}</tr>`;
    const thead = headerRow ? `<thead>${row(headerRow, true)}</thead>` : '';
    const tbody = `<tbody>${(headerRow ? rest : fields.rows).map((cells) => row(cells, false)).join('')}</tbody>`;
    const caption = fields.caption ? `<figcaption class="wp-element-caption">${escapeHtml(fields.caption)}</figcaption>` : '';
    return wpBlock('table', {}, `<figure class="wp-block-table"><table>${thead}${tbody}</table>${caption}</figure>`);
  },
  checks: [
    {
      id: 'a11y.tableHeader',
      severity: 'error',
      wcag: '1.3.1',
      run: ({ rows }) => {
        const first = rows[0] ?? [];
        const headerRow = first.length > 0 && first.every((cell) => cell.header);
        const headerColumn = rows.length > 0 && rows.every((cells) => cells[0]?.header === true);
        return headerRow || headerColumn ? null : {};
      },
    },
    {
      id: 'a11y.tableEmptyHeader',
      severity: 'warning',
      wcag: '1.3.1',
      run: ({ rows }) => {
        const count = rows.flat().filter((cell) => cell.header && inlineText(cell.content).trim() === '').length;
        return count > 0 ? { params: { count } } : null;
      },
    },
    { id: 'a11y.tableCaption', severity: 'warning', wcag: '1.3.1', run: ({ caption }) => (caption.trim() === '' ? {} : null) },
  ],
});
