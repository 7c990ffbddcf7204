import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../playwright.config.js';
import { inspectPost } from '../wordpress/block-editor.js';
import { startWordPress } from '../wordpress/wordpress.js';
import { usePortal } from './portal-harness.js';
import { allowVideos, connectWordPress, demoWithEverything, publishToWordPress } from './wordpress-harness.js';

// A real WordPress (tests/wordpress/start.sh) and Debian's Chromium; skipped only when one is missing, saying why.
const started = startWordPress();
const site = 'site' in started ? started.site : null;
const reason = !site ? ('reason' in started ? started.reason : 'WordPress could not be started') : !existsSync(chromiumPath) ? `no Chromium at ${chromiumPath}` : '';
if (reason) console.warn(`Block editor test skipped: ${reason}`);

describe.skipIf(reason !== '')(`a delivered release in WordPress's block editor${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const t = usePortal();
  afterAll(() => site?.purge());

  it('opens without "unexpected or invalid content": every block valid, each block of the catalog as its core block', { timeout: 300_000 }, async () => {
    await allowVideos(t);
    await connectWordPress(t, site!);
    const { post } = await publishToWordPress(t, site!, demoWithEverything('Alle Bausteine im Block-Editor'));
    // The portal's markup in a Custom HTML block is the fallback no block uses any more.
    expect(post.content.raw).not.toContain('<!-- wp:html');

    // Nothing relies on unfiltered_html: WordPress's kses (for editors without it) keeps the markup as it is.
    const spaced = (html: string) => html.replace(/"\/>/g, '" />');
    expect(spaced(site!.kses(post.content.raw))).toBe(spaced(post.content.raw));
    const report = await inspectPost(site!, post.id);
    const diagnosis = JSON.stringify({ invalid: report.invalid, warnings: report.warnings, console: report.console.filter((line) => /validat|Block/i.test(line)) }, null, 2);
    expect(report.invalid, diagnosis).toEqual([]);
    expect(report.warnings, diagnosis).toEqual([]);
    const expected = ['core/paragraph', 'core/heading', 'core/quote', 'core/table', 'core/image', 'core/gallery', 'core/columns', 'core/column', 'core/group', 'core/list', 'core/list-item', 'core/video'];
    expect([...new Set(report.names)].sort()).toEqual(expect.arrayContaining(expected.sort()));
    expect(report.names).not.toContain('core/html');
    expect(report.names).not.toContain('core/missing');
    // "Sprache des Abschnitts" keeps its lang, also as the editor would save the post again.
    expect(post.content.raw).toContain('<span lang="en">Digital first.</span>');
    expect(report.serialized).toContain('<span lang="en">Digital first.</span>');
  });
});
