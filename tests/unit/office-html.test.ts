import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJSON } from '@tiptap/html/server';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from '../../common/blocks/catalog.js';
import { cleanOfficeHtml, officeSource } from '../../common/markup/office-html.js';
import { clipboardOutlines } from '../fixtures/clipboard/expected.js';
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
    expect(blocks).toEqual(clipboardOutlines['word-windows.html']);
    expect(localImages).toBe(1);
    expect(html).toContain('href="https://finanzen.thueringen.de/foerderung?jahr=2027&amp;art=kommunal#antrag"');
    expect(html).toContain('<span lang="en">We support every municipality.</span>');
    expect(html).not.toMatch(/style=|class="(?!ce-)|Mso|<o:p|<!--|font-family|·|§/);
  });

  it('Word for Mac: a numbered list with bullets inside, a repeated and shaded header row, a mailto link', () => {
    const { blocks, html } = outlineOf('word-mac.html');
    expect(blocks).toEqual(clipboardOutlines['word-mac.html']);
    expect(html).toContain('href="mailto:presse@tfm.thueringen.de?subject=Zeitplan%202027"');
  });

  it('LibreOffice: lists nested inside lists, a numbered list, a bold first row, a link with a fragment', () => {
    const { blocks, html } = outlineOf('libreoffice.html');
    expect(blocks).toEqual(clipboardOutlines['libreoffice.html']);
    expect(html).toContain('href="https://www.thueringen.de/haushalt/bericht.pdf#page=12"');
  });

  it('Google Docs: its bold wrapper undone, styled runs as bold and italic, nested lists, a shaded header row', () => {
    const { blocks, html } = outlineOf('google-docs.html');
    expect(blocks).toEqual(clipboardOutlines['google-docs.html']);
    expect(html).toContain('<strong>gemeinsame</strong>');
    expect(html).toContain('<em> Lösungen</em>');
    expect(html).toContain('href="https://digital.thueringen.de/onlinezugang?quelle=presse#dienste"');
  });

  it('Word on the web: headings by their role, one-item lists joined into one and nested by their level, bold written as a style, the exact link', () => {
    const { blocks, html } = outlineOf('word-web.html');
    expect(blocks).toEqual(clipboardOutlines['word-web.html']);
    expect(html).toContain('<strong>Wichtig:</strong>');
    expect(html).toContain('href="https://www.thueringen.de/breitband?ausbau=2027#karte"');
  });
});
