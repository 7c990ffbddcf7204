import { safeHref } from '../../common/markup/html.js';

/** Where a release's own content is shown: the editor's body and every preview. */
const RELEASE_CONTENT = '.ProseMirror, .portal-preview';

/**
 * A link inside a release never takes the app's own window away (in the browser entry that
 * would close the app's tab; in Electron the window refuses to navigate anyway). In a
 * preview an absolute address opens in a new tab without access to this one; in the editor a
 * click only places the cursor, and site paths of the portal lead nowhere from here.
 */
export function guardReleaseLinks(root: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link?.closest(RELEASE_CONTENT)) return;
    event.preventDefault();
    if (link.closest('[contenteditable="true"]') || event.button !== 0) return;
    const href = safeHref(link.getAttribute('href') ?? '');
    if (href && !href.startsWith('/')) window.open(href, '_blank', 'noopener,noreferrer');
  };
  root.addEventListener('click', onClick, true);
  return () => root.removeEventListener('click', onClick, true);
}
