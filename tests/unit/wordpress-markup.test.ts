import { describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { blockCatalog } from '../../common/blocks/catalog.js';
import { wpInline, type WordPressContext } from '../../common/blocks/wordpress-markup.js';
import type { MediaRef } from '../../common/media.js';
import { toContentElements } from '../../common/rendering/content-elements.js';
import { postContent } from '../../portal/wordpress/content.js';
import { allBlocksBody, mp4 } from '../fixtures/all-blocks.js';

/** Every file in the media library as attachment 1, 2, … (by first use). */
function library(): WordPressContext {
  const ids = new Map<string, number>();
  const attachment = (media: MediaRef) => {
    if (!ids.has(media.sha256)) ids.set(media.sha256, ids.size + 1);
    return { id: ids.get(media.sha256)!, url: `https://wp.example/wp-content/uploads/${media.sha256}.${media.name.split('.').pop()}` };
  };
  return { attachment, media: { url: (media) => attachment(media).url, external: (href) => href, name: () => undefined } };
}

function article(body = allBlocksBody()): Article {
  const base = emptyArticle();
  return { ...base, meta: { ...base.meta, title: 'Alle Bausteine', lead: 'Ein Vorspann.' }, body };
}

describe('WordPress block editor markup', () => {
  it('every block of the catalog has its own mapping: no block falls back to core/html', () => {
    expect(blockCatalog.filter((block) => !block.wordpress).map((block) => block.name)).toEqual([]);
    const elements = toContentElements(allBlocksBody());
    expect(new Set(elements.map((element) => element.block)).size).toBe(blockCatalog.length);
    const content = postContent(article(), library(), null);
    expect(content).not.toContain('wp:html');
    for (const block of ['group', 'gallery', 'columns', 'column', 'video', 'image', 'quote', 'table', 'list']) expect(content).toContain(`<!-- wp:${block}`);
  });

  it('"Sprache des Abschnitts" keeps its lang', () => {
    expect(wpInline([{ text: 'Wie man sagt: ' }, { text: 'digital first', marks: [{ type: 'language', lang: 'en' }] }])).toBe('Wie man sagt: <span lang="en">digital first</span>');
  });

  it('box, background, accordion and teasers are core/group blocks with the portal\'s classes; the accordion\'s items as headings', () => {
    const content = postContent(article(), library(), null);
    expect(content).toContain('<!-- wp:group {"className":"ce-box ce-box-lightblue"} -->\n<div class="wp-block-group ce-box ce-box-lightblue">');
    expect(content).toContain('<!-- wp:group {"tagName":"section","className":"ce-background"} -->\n<section class="wp-block-group ce-background">');
    expect(content).toMatch(/<div class="wp-block-group ce-accordion-item"><!-- wp:heading {"level":3} -->\n<h3>Was ist das ITOF\?<\/h3>/);
    expect(content).toContain('<!-- wp:group {"tagName":"article","className":"ce-teaser"} -->');
  });

  it('gallery images carry id, alt text, title, caption and credit; a missing file is left out', () => {
    const body = allBlocksBody();
    const gallery = body.content.find((block) => block.type === 'gallery')!;
    const images = gallery.attrs!.images as Array<Record<string, unknown>>;
    gallery.attrs = { ...gallery.attrs, images: [...images, { ...images[0], media: null }] };
    const markup = blockCatalog.find((block) => block.name === 'gallery')!;
    const fields = markup.fieldsSchema.parse(toContentElements({ type: 'doc', content: [gallery] })[0]!.fields);
    const html = markup.wordpress!(fields, library());
    expect(html.match(/<!-- wp:image /g)).toHaveLength(images.length);
    expect(html).toMatch(/^<!-- wp:gallery \{"linkTo":"none"\} -->\n<figure class="wp-block-gallery has-nested-images columns-default is-cropped">/);
    expect(html).toContain('class="wp-image-1"');
    expect(html).toMatch(/<figcaption class="wp-element-caption"><strong>[^<]+<\/strong> .+ Foto: .+<\/figcaption>/);
  });

  it('video: core/video for a file in the library, with poster and captions; a link for a video elsewhere', () => {
    const video = blockCatalog.find((block) => block.name === 'video')!;
    const base = { title: 'Rede', video: mp4, url: '', poster: null, captions: { ...mp4, sha256: 'd'.repeat(64), mimeType: 'text/vtt', name: 'rede.vtt' }, transcript: 'Guten Tag.' };
    const file = video.wordpress!(video.fieldsSchema.parse(base), library());
    expect(file).toMatch(/^<!-- wp:video \{"id":1,"tracks":\[\{"src":"[^"]+\.vtt","kind":"captions","srclang":"de","label":"Deutsch"\}\]\} -->/);
    expect(file).toContain('<figure class="wp-block-video"><video controls src="https://wp.example/wp-content/uploads/');
    expect(file).toContain('<figcaption class="wp-element-caption">Rede</figcaption>');
    expect(file).toContain('Transkript:</strong> Guten Tag.');
    const external = video.wordpress!(video.fieldsSchema.parse({ ...base, video: null, url: 'https://www.youtube.com/watch?v=abc' }), library());
    expect(external).not.toContain('wp:video');
    expect(external).toContain('<p><a href="https://www.youtube.com/watch?v=abc">Video ansehen: Rede</a></p>');
  });
});
