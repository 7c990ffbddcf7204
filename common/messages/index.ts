import { de, type MessageKey } from './de.js';
import { en } from './en.js';

export type { MessageKey } from './de.js';
export type MessageParams = Readonly<Record<string, string | number>>;
export type Locale = 'de' | 'en';

const catalogs: Record<Locale, Record<MessageKey, string>> = { de, en };

/** Looks up a message and fills its {placeholders}; German unless told otherwise. */
export function formatMessage(key: MessageKey, params: MessageParams = {}, locale: Locale = 'de'): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
