/**
 * German text folded for search and transcribed for addresses and file names: the one place
 * where "ä" becomes "ae" and "ß" becomes "ss".
 */

const transcriptions: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ẞ: 'SS' };

/** One character written in ASCII letters where German allows it: umlauts and ß written out, other accents dropped. */
function transcribeCharacter(char: string): string {
  return transcriptions[char] ?? char.normalize('NFKD').replace(/\p{Diacritic}/gu, '');
}

/** Non-ASCII characters' folded forms and their numbers of code points, worked out once (`normalize` is slow). */
const foldedCharacters = new Map<string, { folded: string; length: number }>();

function foldCharacter(char: string): { folded: string; length: number } {
  let known = foldedCharacters.get(char);
  if (!known) {
    const folded = transcribeCharacter(char).toLowerCase();
    known = { folded, length: [...folded].length };
    // A text of every character there is must not fill memory; German text needs a few dozen.
    if (foldedCharacters.size < 4_096) foldedCharacters.set(char, known);
  }
  return known;
}

/**
 * Text folded for German search: lower case, umlauts and ß written out, other accents dropped,
 * so that "Müller", "Mueller" and "MÜLLER" meet, and "Straße" meets "Strasse".
 * `map[i]` is the index in the original text of folded character i.
 */
export function foldGerman(text: string): { folded: string; map: number[] } {
  const parts: string[] = [];
  const map: number[] = [];
  let index = 0;
  while (index < text.length) {
    // Most text is ASCII: a run of it is lower-cased at once, without touching Unicode tables.
    const start = index;
    while (index < text.length && text.charCodeAt(index) < 128) map.push(index++);
    if (index > start) parts.push(text.slice(start, index).toLowerCase());
    if (index === text.length) break;
    const { folded, length } = foldCharacter(text[index]!);
    parts.push(folded);
    for (let part = 0; part < length; part++) map.push(index);
    index++;
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
