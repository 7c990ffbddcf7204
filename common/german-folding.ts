/**
 * German text folded for search and transcribed for addresses and file names: the one place
 * where "ä" becomes "ae" and "ß" becomes "ss".
 */

const transcriptions: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ẞ: 'SS' };

/** One character written in ASCII letters where German allows it: umlauts and ß written out, other accents dropped. */
function transcribeCharacter(char: string): string {
  return transcriptions[char] ?? char.normalize('NFKD').replace(/\p{Diacritic}/gu, '');
}

/**
 * Text folded for German search: lower case, umlauts and ß written out, other accents dropped,
 * so that "Müller", "Mueller" and "MÜLLER" meet, and "Straße" meets "Strasse".
 * `map[i]` is the index in the original text of folded character i.
 */
export function foldGerman(text: string): { folded: string; map: number[] } {
  const parts: string[] = [];
  const map: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Most text is ASCII: lower-case it without touching Unicode tables.
    if (code < 128) {
      parts.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[index]!);
      map.push(index);
      continue;
    }
    for (const part of transcribeCharacter(text[index]!).toLowerCase()) {
      parts.push(part);
      map.push(index);
    }
  }
  return { folded: parts.join(''), map };
}

/**
 * A readable, stable name part from German text: ASCII letters, digits and single dashes,
 * umlauts transcribed ("Straßenbau in Köln" → "strassenbau-in-koeln"), at most `maxLength`
 * characters; `fallback` when nothing is left.
 */
export function slugify(text: string, options: { fallback: string; keepCase?: boolean; maxLength?: number }): string {
  const transcribed = [...text].map(transcribeCharacter).join('');
  const slug = (options.keepCase ? transcribed : transcribed.toLowerCase())
    .replace(/[^A-Za-z0-9\s_-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .slice(0, options.maxLength ?? 80)
    .replace(/^-+|-+$/g, '');
  return slug || options.fallback;
}
