import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../common/article.js';
import { documentProblem } from '../../common/blocks/validate-document.js';
import { mediaPathResolver } from '../../common/media.js';
import { toContentElements } from '../../common/rendering/content-elements.js';
import { renderArticle } from '../../common/rendering/render-article.js';

const article = articleSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/demo-release.json', import.meta.url), 'utf8')));
const html = renderArticle(article, mediaPathResolver);

describe('the demo release (tests/fixtures/demo-release.json)', () => {
  it('is a valid article in the project format', () => {
    expect(documentProblem(article.body)).toBeNull();
    expect(article.meta.ministry).toBe('Thüringer Finanzministerium');
  });

  it('maps to one content element per block, every catalog block among them', () => {
    const types = toContentElements(article.body).map((element) => element.type);
    expect(new Set(types)).toEqual(
      new Set(['text', 'mask_thquote', 'header', 'table', 'textmedia', 'mask_thgallery', 'mask_thslider', 'mask_thtwocolumns', 'mask_thteaser', 'mask_thaccordion', 'mask_thlinklist', 'mask_thvideo', 'mask_thbox', 'mask_thbackground']),
    );
  });

  it('renders the article page: title, author line, date line and lead', () => {
    expect(html).toMatch(/^<article class="portal-article" lang="de">/);
    expect(html).toContain('<h1 class="portal-article-title">Schneller und effizienter zur digitalen Verwaltung – Mitteldeutsche CIOs');
    expect(html).toContain('<p class="portal-article-author">Erstellt von Thüringer Finanzministerium</p>');
    expect(html).toContain('<p class="portal-article-dateline">Erfurt, 26. November 2026</p>');
    expect(html).toContain('<p class="portal-article-lead"><strong>Die Verantwortlichen für die IT-Strategie');
  });

  it('renders the three statements with speaker and role, and the background section', () => {
    const captions = [...html.matchAll(/<figure class="ce-quote"><blockquote>.*?<\/blockquote><figcaption>(.*?)<\/figcaption>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(captions).toEqual([
      'Dr. Hartmut Schubert, Thüringer Finanzstaatssekretär und CIO',
      'Bernd Schlömer, Staatssekretär und CIO des Landes Sachsen-Anhalt',
      'Thomas Popp, Sächsischer Staatssekretär und CIO',
    ]);
    expect(html).toContain('<blockquote><p data-block-id=');
    expect(html).toMatch(/<section class="ce-background"><h2 class="ce-background-header">Hintergrund<\/h2>/);
  });

  it('gives people what they need: alt texts, credits, table headers, file type and size, captions', () => {
    expect(html).toContain('alt="Gewölbe mit Ausstellungsstücken"');
    expect(html).toContain('<span class="ce-credit">Foto: Anna Beispiel</span>');
    expect(html).toContain('<caption>Geschichte des Güldenen Sterns</caption><thead><tr><th scope="col">Jahr</th>');
    expect(html).toMatch(/<span class="ce-file-info">\(PDF, \d+ Byte\)<\/span>/);
    // The app preview loads nothing remote: the video is a link there; the portal embeds the player with captions.
    expect(html).toContain('<a href="https://video.thueringen.de/itof-podium.mp4">Video ansehen: Podiumsdiskussion auf dem ITOF</a>');
    const portalHtml = renderArticle(article, { url: (media) => `/media/${media.sha256}`, external: (href) => href, name: () => undefined });
    // Public pages name no uploader's file; the app's own markup keeps the names it reads back.
    expect(html).toContain('data-name=');
    expect(portalHtml).not.toMatch(/data-(?:[a-z]+-)?name=/);
    expect(portalHtml).toContain('<video controls="" preload="none" src="https://video.thueringen.de/itof-podium.mp4"');
    expect(portalHtml).toContain('<track kind="captions" srclang="de" label="Deutsch"');
    expect(html).toContain('<a class="ce-teaser-link" href="https://finanzen.thueringen.de/haushalt">Zum Haushaltsentwurf 2027</a>');
  });

  it('keeps the heading order without skipped levels, and carries no editor leftovers', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
    expect(levels[0]).toBe(1);
    for (let index = 1; index < levels.length; index++) expect(levels[index]!).toBeLessThanOrEqual(levels[index - 1]! + 1);
    expect(html).not.toMatch(/contenteditable|<script|ProseMirror|style=/);
  });
});
