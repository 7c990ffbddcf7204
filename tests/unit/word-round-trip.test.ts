import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { articleSchema, type Article, type ArticleBody, type DocumentNode } from '../../common/article.js';
import { toContentElements } from '../../common/rendering/content-elements.js';
import { openAppServices } from '../../main/services/app-services.js';
import { wordDocument } from '../../main/services/word-export.js';
import { importWordFile } from '../../main/services/word-import.js';
import { wordStyleMap } from '../../main/services/word-styles.js';
import { allBlocksBody } from '../fixtures/all-blocks.js';
import { bluePng, orangePng } from '../fixtures/media.js';
import { makeTempDirectory } from '../temp-directory.js';

const demo = articleSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/demo-release.json', import.meta.url), 'utf8')));
const files = new Map([bluePng, orangePng].map((bytes) => [createHash('sha256').update(bytes).digest('hex'), new Uint8Array(bytes)]));

/**
 * What a Word file carries of a release: text, headings, lists, tables and links as they are;
 * a text with image gives its text (its image is compared on its own). The demo release has no
 * list, so the catalog fixture's text with its nested lists and marks is added.
 */
function carried(body: ArticleBody): ArticleBody {
  const content = [...body.content, ...allBlocksBody().content.slice(0, 2)].flatMap((node): DocumentNode[] => {
    if (['paragraph', 'bulletList', 'orderedList', 'heading'].includes(node.type)) return [node];
    // The caption is Word's "Caption" paragraph above the table, compared with the release's metadata.
    if (node.type === 'table') return [{ ...node, attrs: { ...node.attrs, caption: '' } }];
    if (node.type === 'textWithImage') return node.content ?? [];
    return [];
  });
  return { type: 'doc', content };
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutIds(inner)]));
  return value;
}

/** The parts a round trip keeps: the portal's content elements, ids aside (an import gives new ones). */
function elements(body: ArticleBody): unknown {
  return withoutIds(toContentElements(body));
}

/**
 * Export ("Als Word-Datei exportieren"), then import that file ("Word-Datei importieren"), both
 * as the app does them: the import stores the images in a media store and makes a new release.
 * `html` is the file as mammoth reads it with the export's styles, to compare the metadata.
 */
async function roundTrip(article: Article): Promise<{ body: ArticleBody; imported: Article; html: string }> {
  const bytes = await wordDocument(article, { approved: false, file: (media) => files.get(media.sha256) ?? null });
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: [...wordStyleMap] });
  const temp = makeTempDirectory();
  const services = await openAppServices(temp.path, { dailyBackups: false });
  try {
    const { draft } = await importWordFile(services, 'Pressemitteilung.docx', bytes);
    return { body: draft.article.body, imported: draft.article, html };
  } finally {
    await services.close();
    temp.remove();
  }
}

describe('a release exported to Word and read back (tests/fixtures/demo-release.json)', () => {
  it('gives back its text, headings, lists, tables and links equal', async () => {
    const article: Article = { ...demo, body: carried(demo.body) };
    const { body, imported } = await roundTrip(article);
    expect(imported.meta.title).toBe(demo.meta.title);
    expect(imported.meta.lead).toBe(demo.meta.lead);
    expect(elements(body)).toEqual(elements(article.body));
    // Not vacuous: a heading, a table with its header row, a nested list and a link came back.
    const back = JSON.stringify(body);
    for (const part of ['"heading"', '"tableHeader"', '"orderedList"', '"href":"https://finanzen.thueringen.de/"', 'Das Gewölbe zeigt']) expect(back).toContain(part);
  });

  it('gives back its title, Vorspann, table caption and images with their alt texts', async () => {
    const { html, body } = await roundTrip(demo);
    expect(html).toContain(`<h1 class="title">${demo.meta.title}</h1>`);
    expect(html).toContain(`<p class="lead">${demo.meta.lead}</p>`);
    expect(html).toContain('<p class="caption">Geschichte des Güldenen Sterns</p><table>');
    const images = [...html.matchAll(/<img alt="([^"]*)" src="data:image\/png;base64,([^"]+)"/g)].map(([, alt, data]) => ({
      alt,
      sha256: createHash('sha256').update(Buffer.from(data!, 'base64')).digest('hex'),
    }));
    const expected = demo.body.content
      .flatMap((node) => {
        if (node.type === 'textWithImage') return [node.attrs!.image as { media: { sha256: string }; alt: string }];
        if (node.type === 'gallery') return node.attrs!.images as Array<{ media: { sha256: string }; alt: string }>;
        if (node.type === 'slider') return node.attrs!.slides as Array<{ media: { sha256: string }; alt: string }>;
        return [];
      })
      .map((image) => ({ alt: image.alt, sha256: image.media.sha256 }));
    expect(images).toEqual(expected);
    // The import stored each image again (same bytes, same hash) with its alt text.
    const imported = body.content
      .filter((node) => node.type === 'textWithImage')
      .map((node) => node.attrs!.image as { media: { sha256: string } | null; alt: string })
      .map((image) => ({ alt: image.alt, sha256: image.media?.sha256 }));
    expect(imported).toEqual(expected);
  });
});
