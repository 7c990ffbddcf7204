import { DOMParser as SchemaParser, type ResolvedPos, type Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
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
