/**
 * The HTML helpers live in `common/markup/` (below the blocks, which use them); this keeps the
 * address that pages outside `common/` (the portal's website, the editor's toolbar) import.
 */
export { attributes, escapeHtml, safeHref } from '../markup/html.js';
