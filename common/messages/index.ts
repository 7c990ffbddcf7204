import { de, type MessageKey } from './de.js';
import { en } from './en.js';

export type { MessageKey } from './de.js';
export type MessageParams = Readonly<Record<string, string | number>>;
export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

export const catalogs: Record<Locale, Record<MessageKey, string>> = { de, en };

/**
 * The language of this process's texts: German unless the person chose English
 * ("Einstellungen"). One person per app, so one setting per process; the portal server, which
 * answers many, passes the language of each request instead.
 */
let current: Locale = 'de';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function currentLocale(): Locale {
  return current;
}

/** Looks up a message and fills its {placeholders}, in the chosen language unless told otherwise. */
export function formatMessage(key: MessageKey, params: MessageParams = {}, locale: Locale = current): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The language of a release's own words on its page, in print and in a Word file ("Foto: …",
 * "ENTWURF – …"): German, like the press release and the portal's public pages, whatever
 * language the interface around it speaks.
 */
export const CONTENT_LOCALE: Locale = 'de';

/**
 * A message with a number, in the singular or plural its language needs ("1 Warnung", "2
 * Warnungen"): the catalog holds `KEY.one` and `KEY.other`, each with {count}.
 */
export function formatCount(key: CountedKey, count: number, locale: Locale = current): string {
  const form = pluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return formatMessage(`${key}.${form}`, { count }, locale);
}

/** Made once per language: making one costs far more than asking it (1.5 ms of each open, profiled). */
const plurals = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** The base of a counted message: a key `K` with `K.one` and `K.other` in the catalog. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never }[MessageKey];

export function contentMessage(key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(key, params, CONTENT_LOCALE);
}
