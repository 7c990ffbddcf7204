// @vitest-environment node
import { generateJSON } from '@tiptap/html/server';
import { describe, expect, it } from 'vitest';
import type { ArticleBody, DocumentNode } from '../../common/article.js';
import { blockCatalog, documentExtensions, documentSchema } from '../../common/blocks/catalog.js';
import { mediaPathResolver } from '../../common/media.js';
import { elementSpec, fromContentElements, renderElements, toContentElements } from '../../common/rendering/content-elements.js';
import { specToHtml } from '../../common/markup/html-spec.js';
import { allBlocksBody } from '../fixtures/all-blocks.js';

/** Canonical JSON: the schema fills default attributes, so equal documents compare equal. */
function canonical(body: ArticleBody): unknown {
  return documentSchema().nodeFromJSON(body).toJSON();
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutIds(inner)]));
  }
  return value;
}

function parseHtml(html: string): ArticleBody {
  return generateJSON(html, documentExtensions()) as ArticleBody;
}

describe('the block catalog', () => {
  it('has every block of the press-release catalog, each with its own portal element type', () => {
    expect(blockCatalog.map((block) => block.name)).toEqual([
      'text', 'heading', 'quote', 'background', 'table', 'textWithImage', 'gallery', 'slider', 'twoColumns', 'teasers', 'accordion', 'linkList', 'video', 'box',
    ]);
    expect(new Set(blockCatalog.map((block) => block.elementType)).size).toBe(blockCatalog.length);
    expect(blockCatalog.find((block) => block.name === 'video')?.elementType).toBe('mask_thvideo');
  });

  it('builds a schema in Node that accepts a document with every block', () => {
    expect(() => documentSchema().nodeFromJSON(allBlocksBody()).check()).not.toThrow();
  });

  it('accepts every block as the insert menu creates it', () => {
    for (const block of blockCatalog) {
      const body: ArticleBody = { type: 'doc', content: [block.create()] };
      expect(() => documentSchema().nodeFromJSON(body).check(), block.name).not.toThrow();
    }
  });
});

describe('document -> content elements -> document', () => {
  it('maps one element per block, grouping consecutive text into one text element', () => {
    const elements = toContentElements(allBlocksBody());
    expect(elements.map((element) => element.type)).toEqual([
      'text', 'header', 'mask_thquote', 'table', 'textmedia', 'mask_thgallery', 'mask_thslider', 'mask_thtwocolumns', 'mask_thteaser', 'mask_thaccordion', 'mask_thlinklist', 'mask_thvideo', 'mask_thbox', 'mask_thbackground',
    ]);
    expect(elements[0]?.id).toBe('text-1');
  });

  it('keeps structure as data: tables as rows and cells, lists as items, never HTML strings', () => {
    const elements = toContentElements(allBlocksBody());
    const table = elements.find((element) => element.block === 'table')!;
    expect(table.fields).toMatchObject({ caption: 'Geschichte des Güldenen Sterns', rows: [[{ header: true, content: [{ text: 'Jahr' }] }, { header: true }], [{ header: false }, { header: false }]] });
    const text = elements[0]!;
    expect(text.fields).toMatchObject({ bodytext: [{ kind: 'paragraph' }, { kind: 'list', ordered: false, items: [[{ kind: 'paragraph' }], [{ kind: 'paragraph' }, { kind: 'list', ordered: true }]] }] });
    expect(JSON.stringify(elements)).not.toMatch(/<\w+/);
  });

  it.each(allBlocksBody().content.map((node) => [node.type, node] as const))('round-trips the %s block exactly', (_type, node) => {
    const body: ArticleBody = { type: 'doc', content: [node] };
    expect(canonical(fromContentElements(toContentElements(body)))).toEqual(canonical(body));
  });

  it('round-trips the whole document exactly', () => {
    const body = allBlocksBody();
    expect(canonical(fromContentElements(toContentElements(body)))).toEqual(canonical(body));
  });

  it('leaves empty paragraphs out of what the portal gets', () => {
    const body: ArticleBody = { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p' } }, { type: 'heading', attrs: { id: 'h', level: 2 }, content: [{ type: 'text', text: 'Titel' }] }, { type: 'paragraph' }] };
    expect(toContentElements(body).map((element) => element.type)).toEqual(['header']);
  });
});

describe('document -> portal HTML -> parse', () => {
  it.each(allBlocksBody().content.map((node) => [node.type, node] as const))('the %s block parses back to the same content', (_type, node) => {
    const body: ArticleBody = { type: 'doc', content: [node] };
    const html = renderElements(toContentElements(body), { media: mediaPathResolver });
    expect(withoutIds(canonical(parseHtml(html)))).toEqual(withoutIds(canonical(body)));
  });

  it('escapes text and drops dangerous link targets', () => {
    const hostile: DocumentNode = {
      type: 'paragraph',
      content: [
        { type: 'text', text: '<script>alert(1)</script> & "x"' },
        { type: 'text', text: 'Klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
      ],
    };
    const html = renderElements(toContentElements({ type: 'doc', content: [hostile] }), { media: mediaPathResolver });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Klick');
  });

  it('names images for people: alt text, credit as "Foto: …", and a download with type and size', () => {
    const html = renderElements(toContentElements(allBlocksBody()), { media: mediaPathResolver });
    expect(html).toContain('alt="Ausstellungsstücke im Gewölbe"');
    expect(html).toContain('<span class="ce-credit">Foto: Anna Beispiel</span>');
    expect(html).toContain('(PDF, 1,2 MB)');
    expect(html).toContain('<track kind="captions" srclang="de" label="Deutsch"');
  });

  it('marks the editor content hole exactly where rich content goes', () => {
    const quote = blockCatalog.find((block) => block.name === 'quote')!;
    const spec = quote.render(quote.toFields(allBlocksBody().content[3]!) as never, { media: mediaPathResolver, editor: true });
    expect(specToHtml(spec, '<p>HOLE</p>')).toContain('<blockquote><p>HOLE</p></blockquote>');
    expect(specToHtml(elementSpec(toContentElements(allBlocksBody())[2]!, { media: mediaPathResolver, editor: false }))).toContain('Komplexitätsfalle');
  });
});

describe('messy foreign markup recovers to clean blocks', () => {
  it('Word paragraphs with inline styles become plain paragraphs with bold and italic', () => {
    const body = parseHtml('<p class="MsoNormal" style="margin:0"><span style="font-weight:bold;font-family:Arial">Wichtig:</span> <i>kursiv</i><o:p></o:p></p>');
    expect(withoutIds(body)).toMatchObject({
      content: [{ type: 'paragraph', content: [{ text: 'Wichtig:', marks: [{ type: 'bold' }] }, { text: ' ' }, { text: 'kursiv', marks: [{ type: 'italic' }] }] }],
    });
  });

  it('a foreign table with styling becomes a portal table with one paragraph per cell', () => {
    const body = parseHtml('<table border="1" style="width:100%"><tr><td bgcolor="red"><p><b>1572</b></p></td><td>Geleitsamt</td></tr></table>');
    expect(() => documentSchema().nodeFromJSON(body).check()).not.toThrow();
    expect(toContentElements(body)[0]).toMatchObject({ type: 'table', fields: { rows: [[{ header: false, content: [{ text: '1572' }] }, { content: [{ text: 'Geleitsamt' }] }]] } });
  });

  it('a quotation from elsewhere becomes a quote block; an H1 becomes an H2', () => {
    const body = parseHtml('<h1 style="color:red">Große Überschrift</h1><blockquote style="margin-left:2em"><p>„Ein Zitat.“</p><p>Zweiter Satz.</p></blockquote>');
    expect(withoutIds(canonical(body))).toMatchObject({
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ text: 'Große Überschrift' }] },
        { type: 'quote', attrs: { speaker: '', role: '' }, content: [{ type: 'paragraph', content: [{ text: '„Ein Zitat.“' }] }, { type: 'paragraph' }] },
      ],
    });
  });

  it('a Word list and a nested Google Docs span soup become a list and plain text', () => {
    const body = parseHtml('<meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-1"><ul><li dir="ltr"><p dir="ltr"><span style="font-size:11pt">Elterngeld</span></p></li><li><p><span>Meldewesen</span></p></li></ul></b>');
    expect(toContentElements(body)[0]).toMatchObject({ type: 'text', fields: { bodytext: [{ kind: 'list', ordered: false, items: [[{ kind: 'paragraph', content: [{ text: 'Elterngeld' }] }], [{ kind: 'paragraph', content: [{ text: 'Meldewesen' }] }]] }] } });
  });

  it.each([
    ['box with an unknown colour', '<div class="ce-box ce-box-rot" style="background:red"><p>Achtung</p></div>', { type: 'box', attrs: { variant: 'blue' } }],
    ['text with image in an unknown position, foreign image', '<div class="ce-textmedia ce-textmedia-center"><figure><img src="https://tracker.example/x.gif" alt="Foto"></figure><div class="ce-bodytext"><p>Text</p></div></div>', { type: 'textWithImage', attrs: { position: 'above', image: { media: null, alt: 'Foto' } } }],
    ['gallery of hotlinked images', '<div class="ce-gallery"><figure class="ce-gallery-item"><img src="http://example.com/a.jpg" alt="A"><figcaption><strong class="ce-gallery-title">Titel</strong></figcaption></figure></div>', { type: 'gallery', attrs: { images: [{ media: null, alt: 'A', title: 'Titel' }] } }],
    ['background without its heading', '<section class="ce-background"><div class="ce-background-body"><p>Mehr dazu</p></div></section>', { type: 'background', attrs: { header: 'Hintergrund' } }],
    ['two columns with one column missing', '<div class="ce-columns"><div class="ce-column"><p>Links</p></div></div>', { type: 'twoColumns', content: [{ type: 'column' }, { type: 'column' }] }],
    ['teasers of an unknown type', '<div class="ce-teasers ce-teasers-z"><article class="ce-teaser"><h2 class="ce-teaser-headline">H</h2><a class="ce-teaser-link" href="javascript:alert(1)">Zum Artikel</a></article></div>', { type: 'teasers', attrs: { teaserType: 'A' } }],
    ['accordion item without content', '<div class="ce-accordion"><details class="ce-accordion-item"><summary class="ce-accordion-title">Frage</summary></details></div>', { type: 'accordion', content: [{ type: 'accordionItem', content: [{ type: 'accordionTitle' }, { type: 'accordionContent' }] }] }],
  ])('%s recovers to a valid, safe block', (_name, html, expected) => {
    const body = parseHtml(html);
    expect(() => documentSchema().nodeFromJSON(body).check()).not.toThrow();
    expect(withoutIds(canonical(body))).toMatchObject({ content: [expected] });
    const rendered = renderElements(toContentElements(body), { media: mediaPathResolver });
    expect(rendered).not.toMatch(/javascript:|tracker\.example|example\.com/);
  });

  it('a link list and a video keep no script address', () => {
    const body = parseHtml('<div class="ce-linklist"><ul><li><a href="javascript:alert(1)"><span class="ce-link-title">Klick</span></a></li></ul></div><figure class="ce-video" data-url="javascript:alert(2)"><figcaption class="ce-video-title">Film</figcaption></figure>');
    expect(() => documentSchema().nodeFromJSON(body).check()).not.toThrow();
    const rendered = renderElements(toContentElements(body), { media: mediaPathResolver });
    expect(rendered).toContain('Klick');
    expect(rendered).not.toContain('javascript:');
  });

  it('scripts, styles and event handlers never survive', () => {
    const body = parseHtml('<p onclick="alert(1)">Text<script>alert(2)</script><style>p{}</style><img src=x onerror=alert(3)></p>');
    const html = renderElements(toContentElements(body), { media: mediaPathResolver });
    expect(html).not.toMatch(/script|onclick|onerror|<style/);
    expect(html).toContain('Text');
  });
});
