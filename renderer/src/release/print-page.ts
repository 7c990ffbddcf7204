import type { ReleaseMarks } from '../../../common/rendering/release-output.js';
import { t } from '../messages.js';

/** A text as a CSS string literal. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/**
 * The printed page: A4, the marks in the top margin of every page ("Sperrfrist: …" left,
 * "ENTWURF – …" right), "Seite 1 von 2" at the bottom right (page margin boxes, Chromium 131
 * and later). Built from the catalog's texts, so it is a stylesheet made in script: the app's
 * CSP allows no inline <style>, and a constructed sheet is not markup.
 */
export function printPageRules(marks: ReleaseMarks): string {
  const [before, between, after] = t('output.pageNumber', { page: '\u0000', pages: '\u0000' }).split('\u0000') as [string, string, string];
  const margin = (box: string, text: string | null) => (text ? `@${box} { content: ${cssString(text)}; font: 700 9pt Arial, sans-serif; color: #b00020; }` : '');
  return `@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  ${margin('top-left', marks.embargo)}
  ${margin('top-right', marks.draft)}
  @bottom-right { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}; font: 9pt Arial, sans-serif; color: #4a4a4a; }
}`;
}

/** Puts the page rules into the document while the print view is shown; returns how to take them out. */
export function adoptPageRules(rules: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
  };
}
