import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../playwright.config.js';
import type { WordPressSite } from './wordpress.js';

/** A block the editor could not take as it is, with what it expected (WordPress's save()) and what the post holds. */
export interface InvalidBlock {
  name: string;
  clientId: string;
  original: string;
  expected: string;
  issues: string[];
}

/** What the block editor made of a post. */
export interface BlockEditorReport {
  /** Every block's name, inner blocks included, in document order. */
  names: string[];
  /** Blocks with `isValid === false`, and blocks WordPress does not know (core/missing). */
  invalid: InvalidBlock[];
  /** The text of each `.block-editor-warning` ("unexpected or invalid content") in the page. */
  warnings: string[];
  /** The post as the editor would save it again (`core/editor`'s edited content). */
  serialized: string;
  /** The page's console messages (validation diffs land here), errors and warnings only. */
  console: string[];
}

/** Debian's Chromium, as the Playwright configs launch it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Signs in at /wp-login.php as the site's admin (with the admin's own password, not the application password). */
export async function signIn(page: Page, site: Pick<WordPressSite, 'url' | 'user' | 'loginPassword'>): Promise<void> {
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', site.user);
  await page.fill('#user_pass', site.loginPassword);
  await Promise.all([page.waitForURL(/\/wp-admin\//, { timeout: 60_000 }), page.click('#wp-submit')]);
}

/** Opens a post in the block editor, without the welcome guide, once its blocks are loaded. */
export async function openPost(page: Page, site: Pick<WordPressSite, 'url'>, postId: number): Promise<void> {
  await page.goto(`${site.url}/wp-admin/post.php?post=${postId}&action=edit`, { timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as EditorWindow).wp?.data?.select('core/block-editor')?.getBlocks()?.length > 0, undefined, { timeout: 120_000 });
  await page.evaluate(() => {
    const { data } = (window as unknown as EditorWindow).wp;
    if (data.select('core/edit-post').isFeatureActive('welcomeGuide')) data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
}

/** The post's blocks as the editor holds them: names, invalid blocks with WordPress's expected markup, warnings in the page. */
export async function collectBlocks(page: Page): Promise<Omit<BlockEditorReport, 'console'>> {
  const blocks = await page.evaluate(() => {
    const { wp } = window as unknown as EditorWindow;
    const names: string[] = [];
    const invalid: InvalidBlock[] = [];
    const visit = (blocks: EditorBlock[]) => {
      for (const block of blocks) {
        names.push(block.name);
        if (block.isValid === false || block.name === 'core/missing') {
          let expected: string;
          try {
            expected = wp.blocks.getSaveContent(block.name, block.attributes, block.innerBlocks);
          } catch (error) {
            expected = `(save() failed: ${String(error)})`;
          }
          // The issues' messages with their string arguments (the block type, an object, is left out).
          const issues = (block.validationIssues ?? []).map((issue) => issue.args.filter((arg) => typeof arg === 'string').join(' | '));
          invalid.push({ name: block.name, clientId: block.clientId, original: block.originalContent ?? '', expected, issues });
        }
        visit(block.innerBlocks);
      }
    };
    visit(wp.data.select('core/block-editor').getBlocks());
    const serialized: string = wp.data.select('core/editor').getEditedPostContent();
    return { names, invalid, serialized };
  });
  // The blocks are drawn in the page or, for some themes, in an iframe ("editor canvas").
  await page.waitForSelector('.block-editor-block-list__block', { state: 'attached', timeout: 30_000 }).catch(() => undefined);
  const warnings: string[] = [];
  for (const frame of page.frames()) warnings.push(...(await frame.$$eval('.block-editor-warning', (elements) => elements.map((element) => element.textContent ?? ''))));
  return { ...blocks, warnings };
}

/** Signs in, opens the post in the block editor and reports its blocks; the browser is closed afterwards. */
export async function inspectPost(site: Pick<WordPressSite, 'url' | 'user' | 'loginPassword'>, postId: number): Promise<BlockEditorReport> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'de-DE', viewport: { width: 1400, height: 1000 } });
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await signIn(page, site);
    await openPost(page, site, postId);
    return { ...(await collectBlocks(page)), console: messages };
  } finally {
    await browser.close();
  }
}

interface EditorBlock {
  name: string;
  clientId: string;
  isValid?: boolean;
  attributes: Record<string, unknown>;
  innerBlocks: EditorBlock[];
  originalContent?: string;
  validationIssues?: Array<{ args: unknown[] }>;
}

interface EditorWindow {
  wp: {
    data: {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- WordPress's data stores, untyped here
      select(store: string): any;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
      dispatch(store: string): any;
    };
    blocks: { getSaveContent(name: string, attributes: Record<string, unknown>, innerBlocks: EditorBlock[]): string };
  };
}
