import type { Frame, Page } from '@playwright/test';
import type { Article } from '../common/article.js';
import type { WordPressContext } from '../common/blocks/wordpress-markup.js';
import { postContent } from '../portal/wordpress/content.js';
import type { WordPressSite } from '../tests/wordpress/wordpress.js';

/** The bench release has no files: nothing becomes an attachment, nothing remote is embedded. */
const noFiles: WordPressContext = { attachment: () => null, media: { url: () => '', external: () => null, name: () => undefined } };

/** The release in block editor markup, exactly as the portal delivers it to WordPress (lead first). */
export function benchPostContent(article: Article): string {
  return postContent(article, noFiles, null);
}

/** Top-level blocks in block markup (`<!-- wp:… -->` at depth 0, self-closing ones included). */
export function topLevelBlocks(markup: string): number {
  let depth = 0;
  let count = 0;
  for (const [, closing, , selfClosing] of markup.matchAll(/<!--\s+(\/)?wp:([a-z][a-z0-9/-]*)[^]*?(\/)?-->/g)) {
    if (closing) depth--;
    else {
      if (depth === 0) count++;
      if (!selfClosing) depth++;
    }
  }
  return count;
}

/** Creates a draft through the REST API as the admin (application password); returns its id. */
export async function createPost(site: WordPressSite, title: string, content: string): Promise<number> {
  const url = new URL(`${site.url}/`);
  url.searchParams.set('rest_route', '/wp/v2/posts');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${site.user}:${site.password}`).toString('base64')}` },
    body: JSON.stringify({ title, content, status: 'draft' }),
  });
  if (!response.ok) throw new Error(`could not create the WordPress post: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

export const editUrl = (site: Pick<WordPressSite, 'url'>, postId: number) => `${site.url}/wp-admin/post.php?post=${postId}&action=edit`;

/**
 * Installed before the block editor loads (top frame only): records in `window.openedAt` the moment
 * the block-editor store holds `count` top-level blocks, the root block list (in the page or in the
 * editor-canvas iframe) has drawn `count` block elements with editable text in it, and the frame
 * after that has been painted with the main thread free again.
 */
export async function watchGutenbergOpen(page: Page, count: number): Promise<void> {
  await page.addInitScript((count) => {
    if (window.top !== window) return;
    type Data = { select(store: string): { getBlockCount(): number } };
    const root = () => {
      const here = document.querySelector('.is-root-container');
      if (here) return here;
      const canvas = document.querySelector<HTMLIFrameElement>('iframe[name="editor-canvas"]');
      return canvas?.contentDocument?.querySelector('.is-root-container') ?? null;
    };
    const poll = () => {
      const data = (window as unknown as { wp?: { data?: Data } }).wp?.data;
      const list = root();
      const drawn = list ? list.querySelectorAll(':scope > [data-block]').length : 0;
      if ((data?.select('core/block-editor')?.getBlockCount() ?? 0) >= count && drawn >= count && list!.querySelector('[contenteditable="true"]')) {
        requestAnimationFrame(() => setTimeout(() => ((window as unknown as { openedAt: number }).openedAt = performance.now()), 0));
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, count);
}

/** Closes the welcome guide (a stored preference: once per signed-in user). */
export async function dismissWelcomeGuide(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { wp?: { data?: unknown } }).wp?.data !== undefined, undefined, { timeout: 120_000 });
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- WordPress's data stores, untyped here
    const { data } = (window as unknown as { wp: { data: { select(store: string): any; dispatch(store: string): any } } }).wp;
    if (data.select('core/edit-post').isFeatureActive('welcomeGuide')) data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
}

/** The frame the blocks are drawn in: the page in WordPress 6.1's post editor, the editor-canvas iframe where it is used. */
export async function canvasFrame(page: Page): Promise<Frame> {
  for (const frame of page.frames()) if (await frame.$('.is-root-container')) return frame;
  throw new Error('no block list in the page');
}

/** Blocks the editor could not take as they are (`isValid === false`, core/missing): each shows a warning instead of its content. */
export async function invalidBlocks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Block = { name: string; isValid?: boolean; innerBlocks: Block[] };
    const { data } = (window as unknown as { wp: { data: { select(store: string): { getBlocks(): Block[] } } } }).wp;
    const found: string[] = [];
    const visit = (blocks: Block[]) => blocks.forEach((block) => (block.isValid === false || block.name === 'core/missing' ? found.push(block.name) : visit(block.innerBlocks)));
    visit(data.select('core/block-editor').getBlocks());
    return found;
  });
}

/**
 * The keystroke probe of typing.ts for a canvas in an iframe: keydown there, the frame painted after it,
 * the sample kept in the page's `window.latencies` (which `installKeystrokeProbe(page)` must have set up).
 */
export async function forwardKeystrokeProbe(frame: Frame): Promise<void> {
  if (!frame.parentFrame()) return;
  await frame.evaluate(() => {
    const samples = (window.parent as unknown as { latencies: number[] }).latencies;
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
      },
      { capture: true },
    );
  });
}
