import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJSON } from '@tiptap/html/server';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from '../../common/blocks/catalog.js';
import { cleanOfficeHtml, officeSource } from '../../common/markup/office-html.js';
import { outline, type OutlineNode } from '../fixtures/outline.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/clipboard/${name}`, import.meta.url)), 'utf8');
const parse = (markup: string) => new new Window().DOMParser().parseFromString(markup, 'text/html') as unknown as Document;

/** The clipboard HTML as the editor's blocks read it, in outline. */
function outlineOf(name: string): { blocks: string[]; localImages: number; html: string } {
  const cleaned = cleanOfficeHtml(fixture(name), parse)!;
  return { blocks: outline(generateJSON(cleaned.html, documentExtensions()) as OutlineNode), localImages: cleaned.localImages, html: cleaned.html };
}

describe('HTML pasted from office programs becomes clean blocks', () => {
  it('recognises Word, LibreOffice and Google Docs, and leaves the editor’s own clipboard and plain web HTML alone', () => {
    expect(officeSource(fixture('word-windows.html'))).toBe('word');
    expect(officeSource(fixture('word-mac.html'))).toBe('word');
    expect(officeSource(fixture('libreoffice.html'))).toBe('libreoffice');
    expect(officeSource(fixture('google-docs.html'))).toBe('google-docs');
    expect(officeSource(fixture('word-web.html'))).toBe('word-web');
    expect(officeSource('<p data-pm-slice="1 1 []">Text</p>')).toBeNull();
    expect(officeSource('<p>Von einer Webseite</p>')).toBeNull();
  });

  it('Word 365 for Windows: title, headings, nested and numbered lists, a bold header row, exact links, empty paragraphs gone, a local picture as an empty slot', () => {
    const { blocks, localImages, html } = outlineOf('word-windows.html');
    expect(blocks).toEqual([
      'h2 Neue Förderrichtlinie für Kommunen',
      'p Erfurt. Das Finanzministerium stellt die neue Richtlinie vor. Mehr dazu auf der Seite des Ministeriums.',
      'h2 Was sich ändert',
      '• Höhere Zuschüsse',
      '  • für Schulen',
      '    • auch Turnhallen',
      '• Weniger Formulare',
      'h2 So beantragen Sie',
      '1. Antrag stellen',
      '  1. online',
      '1. Bescheid abwarten',
      'p We support every municipality.',
      'th:Jahr | th:Mittel',
      'td:2027 | td:12 Mio. Euro',
      'image slot (empty)',
    ]);
    expect(localImages).toBe(1);
    expect(html).toContain('href="https://finanzen.thueringen.de/foerderung?jahr=2027&amp;art=kommunal#antrag"');
    expect(html).toContain('<span lang="en">We support every municipality.</span>');
    expect(html).not.toMatch(/style=|class="(?!ce-)|Mso|<o:p|<!--|font-family|·|§/);
  });

  it('Word for Mac: a numbered list with bullets inside, a repeated and shaded header row, a mailto link', () => {
    const { blocks, html } = outlineOf('word-mac.html');
    expect(blocks).toEqual(['h2 Zeitplan', '1. Anhörung der Verbände', '  • Landkreistag', '  • Gemeinde- und Städtebund', '1. Kabinettsbeschluss', 'th:Termin | th:Schritt', 'td:März 2027 | td:Anhörung', 'p Fragen an die Pressestelle.']);
    expect(html).toContain('href="mailto:presse@tfm.thueringen.de?subject=Zeitplan%202027"');
  });

  it('LibreOffice: lists nested inside lists, a numbered list, a bold first row, a link with a fragment', () => {
    const { blocks, html } = outlineOf('libreoffice.html');
    expect(blocks).toEqual([
      'h2 Bilanz des Jahres',
      'p Die wichtigsten Ergebnisse:',
      '• mehr Personal',
      '  • in den Schulen',
      '  • in der Pflege',
      '• weniger Bürokratie',
      '1. Haushalt beschließen',
      '1. Stellen besetzen',
      'th:Bereich | th:Stellen',
      'td:Schulen | td:450',
      'p Alle Zahlen im Bericht.',
    ]);
    expect(html).toContain('href="https://www.thueringen.de/haushalt/bericht.pdf#page=12"');
  });

  it('Google Docs: its bold wrapper undone, styled runs as bold and italic, nested lists, a shaded header row', () => {
    const { blocks, html } = outlineOf('google-docs.html');
    expect(blocks).toEqual([
      'h2 Digitale Verwaltung',
      'p Das Land setzt auf gemeinsame Lösungen.',
      '• Onlinezugang',
      '  • Bürgerkonto',
      '• Registermodernisierung',
      '1. Planen',
      '1. Umsetzen',
      'th:Land | th:Dienste',
      'td:Thüringen | td:120',
      'p Alle Dienste',
    ]);
    expect(html).toContain('<strong>gemeinsame</strong>');
    expect(html).toContain('<em> Lösungen</em>');
    expect(html).toContain('href="https://digital.thueringen.de/onlinezugang?quelle=presse#dienste"');
  });

  it('Word on the web: headings by their role, one-item lists joined into one and nested by their level, bold written as a style, the exact link', () => {
    const { blocks, html } = outlineOf('word-web.html');
    expect(blocks).toEqual(['h2 Ergebnisse', '• Breitband', '  • im ländlichen Raum', '• Mobilfunk', 'p Wichtig: alles online']);
    expect(html).toContain('<strong>Wichtig:</strong>');
    expect(html).toContain('href="https://www.thueringen.de/breitband?ausbau=2027#karte"');
  });
});
