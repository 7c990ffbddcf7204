/** What German typography does with one typed character: remove `deleteBefore` characters, then insert. */
export interface TypographyEdit {
  deleteBefore: number;
  insert: string;
}

const opensQuote = /(?:^|[\s([{\u2013\u2014/„‚-])$/;

/**
 * German typesetting while typing: „…“ and ‚…‘ quotes, ’ for apostrophes (geht’s), – for
 * dashes (" - ", "--") and ranges (10-12), … for three dots. Null leaves the character alone.
 */
export function germanTypography(textBefore: string, typed: string): TypographyEdit | null {
  switch (typed) {
    case '"':
      return { deleteBefore: 0, insert: opensQuote.test(textBefore) ? '„' : '“' };
    case "'": {
      if (opensQuote.test(textBefore)) return { deleteBefore: 0, insert: '‚' };
      const open = textBefore.lastIndexOf('‚');
      const closed = textBefore.lastIndexOf('‘');
      // Inside an open ‚ it closes the quote; anywhere else after a letter it is an apostrophe (geht’s).
      const insideSingle = open > closed;
      return { deleteBefore: 0, insert: insideSingle ? '‘' : '’' };
    }
    case '.':
      return textBefore.endsWith('..') ? { deleteBefore: 2, insert: '…' } : null;
    case '-':
      return textBefore.endsWith('-') && !textBefore.endsWith('--') ? { deleteBefore: 1, insert: '–' } : null;
    case ' ':
      return / -$/.test(textBefore) ? { deleteBefore: 1, insert: '– ' } : null;
    default:
      if (/^\d$/.test(typed) && /(?:^|[^\d\w.,/-])\d{1,4}-$/.test(textBefore)) return { deleteBefore: 1, insert: `–${typed}` };
      return null;
  }
}
