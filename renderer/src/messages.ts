import { formatMessage, type MessageKey, type MessageParams } from '../../common/messages/index.js';

/** Every text a person sees comes through here from the catalog. */
export function t(key: MessageKey, params?: MessageParams): string {
  return formatMessage(key, params);
}
