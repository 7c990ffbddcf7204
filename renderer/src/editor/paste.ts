import { Extension } from '@tiptap/core';
import { DOMParser as SchemaParser, Fragment, Slice, type Node as ProseMirrorNode, type ResolvedPos } from '@tiptap/pm/model';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { blockIdTypes } from '../../../common/blocks/catalog.js';
import { escapeHtml } from '../../../common/markup/html.js';
import { typedListMarker } from '../../../common/markup/list-markers.js';
import { cleanOfficeHtml } from '../../../common/markup/office-html.js';
import { t } from '../messages.js';

const parseHtml = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');

/**
 * What people paste from Word, Outlook, LibreOffice and Google Docs, as clean blocks; the
 * editor's own clipboard and other HTML pass unchanged. Pictures that point to the author's
 * disk cannot come along: they become empty image slots, and `report` says so.
 */
export function cleanPastedHtml(html: string, report: (message: string) => void): string {
  const cleaned = cleanOfficeHtml(html, parseHtml);
  if (!cleaned) return html;
  if (cleaned.localImages > 0) report(t('paste.localImages', { count: cleaned.localImages }));
  return cleaned.html;
}

/**
 * Plain text: a line a paragraph, as usual, but consecutive lines with typed markers ("•",
 * "-", "1.", "a)") become one list of that kind instead of paragraphs that start with them.
 */
export function parsePlainText(text: string, $context: ResolvedPos, _plain: boolean, view: EditorView): Slice {
  const lines = text.replace(/\r\n?/g, '\n').split(/\n+/);
  let html = '';
  let open: 'ul' | 'ol' | null = null;
  for (const line of lines) {
    const marker = typedListMarker(line);
    const kind = marker ? (marker.ordered ? 'ol' : 'ul') : null;
    if (open && open !== kind) html += `</${open}>`;
    if (kind && open !== kind) html += `<${kind}>`;
    open = kind;
    html += marker ? `<li><p>${escapeHtml(marker.rest)}</p></li>` : `<p>${escapeHtml(line)}</p>`;
  }
  if (open) html += `</${open}>`;
  const container = parseHtml(`<body>${html}</body>`).body;
  return SchemaParser.fromSchema(view.state.schema).parseSlice(container, { preserveWhitespace: true, context: $context });
}

const idTypes = new Set<string>(blockIdTypes);

function withFreshIds(fragment: Fragment): Fragment {
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) nodes.push(node);
    else if (idTypes.has(node.type.name) && (node.attrs.id === null || node.attrs.id === undefined)) nodes.push(node.type.create({ ...node.attrs, id: crypto.randomUUID() }, withFreshIds(node.content), node.marks));
    else nodes.push(node.copy(withFreshIds(node.content)));
  });
  return Fragment.from(nodes);
}

/** Whether UniqueID is to handle a transaction: not a paste, whose blocks come with fresh ids already. */
export const notPasted = (transaction: Transaction) => transaction.getMeta('paste') !== true;

/**
 * Ids for pasted blocks in one linear pass. UniqueID takes the ids out of what is pasted (it
 * could be a copy from the same release) and then gives each block its id in a step of its own,
 * mapping every position through all steps before it: a megabyte from Word took seconds. Here
 * the pasted blocks get fresh ids as they come in (after UniqueID took the old ones out, this
 * extension being later in the list), UniqueID leaves paste transactions alone (`notPasted`),
 * and the one thing a paste can still do, split a block in two halves with the same id, is
 * mended in one walk over the document.
 */
export const PastedBlockIds = Extension.create({
  name: 'pastedBlockIds',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: { transformPasted: (slice) => new Slice(withFreshIds(slice.content), slice.openStart, slice.openEnd) },
        appendTransaction: (transactions, _oldState, state) => {
          if (transactions.every(notPasted)) return null;
          const seen = new Set<string>();
          const { tr } = state;
          state.doc.descendants((node, pos) => {
            if (!idTypes.has(node.type.name)) return !node.isTextblock;
            const id = node.attrs.id as string | null;
            if (id === null || seen.has(id)) tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: crypto.randomUUID() });
            else seen.add(id);
            return !node.isTextblock;
          });
          return tr.steps.length > 0 ? tr : null;
        },
      }),
    ];
  },
});
