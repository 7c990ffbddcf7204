/**
 * Typed list markers: the "•", "-", "1." or "a)" people type (or Word pastes) in front of a
 * paragraph instead of making a list. One rule for the check that finds such paragraphs, its
 * one-click fix, plain text pasted into the editor, and Word's own list markers.
 */

/** A marker a person types before a list item, followed by a space. */
const typedMarker = /^\s*([•·▪‣◦●○*–-]|\d{1,3}[.)]|[a-z][)])[\s\u00a0]+(?=\S)/u;

/** A marker that counts ("1.", "1)", "a)", "iv."), as opposed to a bullet. */
const countingMarker = /^\(?(?:\d{1,3}|[a-z]|[ivxlcdm]{1,6})[.)]$/i;

export interface ListMarker {
  ordered: boolean;
  /** The text after the marker and its spaces. */
  rest: string;
}

/** The typed marker at the start of a line or paragraph, or null. */
export function typedListMarker(text: string): ListMarker | null {
  const match = typedMarker.exec(text);
  if (!match) return null;
  return { ordered: countingMarker.test(match[1]!), rest: text.slice(match[0].length) };
}

/**
 * Whether a list marker Word wrote ("·", "o", "§" from its symbol fonts, "1.", "a)", "ii.")
 * counts, i.e. belongs to a numbered list.
 */
export function isCountingMarker(marker: string): boolean {
  return countingMarker.test(marker.replace(/[\s\u00a0]+/g, ''));
}
