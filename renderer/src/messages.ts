import { formatCount, formatMessage, type CountedKey, type MessageKey, type MessageParams } from '../../common/messages/index.js';

/** Every text a person sees comes through here from the catalog. */
export function t(key: MessageKey, params?: MessageParams): string {
  return formatMessage(key, params);
}

/** A text with a number, singular or plural as the language needs ("1 Warnung", "2 Warnungen"). */
export function tCount(key: CountedKey, count: number): string {
  return formatCount(key, count);
}
