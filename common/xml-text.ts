import { z } from 'zod';
import { formatMessage } from './messages/index.js';

/**
 * Characters XML 1.0 cannot carry (a feed, a page): control characters other than tab, line
 * feed and carriage return, U+FFFE and U+FFFF, and lone surrogates (with the `u` flag a lone
 * surrogate is a code point of its own and matches).
 */
const xmlIllegal = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const everyXmlIllegal = new RegExp(xmlIllegal.source, 'gu');

/** The first character XML cannot carry, as "U+0001"; null when there is none. */
export function xmlIllegalCharacter(text: string): string | null {
  const found = xmlIllegal.exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** The text without the characters XML cannot carry. */
export function withoutXmlIllegal(text: string): string {
  return xmlIllegal.test(text) ? text.replace(everyXmlIllegal, '') : text;
}

/** The German refusal of a text with such a character. */
export function xmlIllegalMessage(character: string): string {
  return formatMessage('text.xmlIllegal', { character });
}

/** A string schema that refuses characters XML cannot carry, naming the character. */
export function xmlText(schema: z.ZodString = z.string()): z.ZodString {
  return schema.superRefine((value, context) => {
    const character = xmlIllegalCharacter(value);
    if (character) context.addIssue({ code: 'custom', message: xmlIllegalMessage(character) });
  });
}

/**
 * Where a parsed JSON value holds a character XML cannot carry, in a string or a key: the path
 * and the character of the first `limit` places. Iterative, so a deep value costs no recursion.
 */
export function findXmlIllegal(value: unknown, limit = 10): Array<{ path: Array<string | number>; character: string }> {
  const found: Array<{ path: Array<string | number>; character: string }> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { value: current, path } = stack.pop()!;
    const key = path.at(-1);
    if (typeof key === 'string') {
      const character = xmlIllegalCharacter(key);
      if (character) found.push({ path, character });
    }
    if (typeof current === 'string') {
      const character = xmlIllegalCharacter(current);
      if (character) found.push({ path, character });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], path: [...path, index] });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--) stack.push({ value: entries[index]![1], path: [...path, entries[index]![0]] });
    }
  }
  return found.slice(0, limit);
}

/**
 * A copy of a parsed JSON value with every string and key cleaned of characters XML cannot
 * carry; the value itself when it holds none. For values whose depth a schema already bounded.
 */
export function withoutXmlIllegalDeep<T>(value: T): T {
  if (findXmlIllegal(value, 1).length === 0) return value;
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return withoutXmlIllegal(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines properties: a "__proto__" key stays a key and never becomes the prototype.
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [withoutXmlIllegal(key), clean(child)]));
  }
  return value;
}
