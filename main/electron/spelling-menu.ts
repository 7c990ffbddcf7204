import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { formatMessage } from '../../common/messages/index.js';

/** What the context menu can do with the page: replace the misspelled word, learn it. */
export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/**
 * The context menu of a text field: for a word the German spellchecker (de-DE) does not know,
 * its suggestions and "Zum Wörterbuch hinzufügen" first; then cut, copy, paste. Pure, so it is
 * tested without Electron; `attachSpellingMenu` in window.ts shows it.
 */
export function spellingMenuTemplate(params: Pick<ContextMenuParams, 'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'selectionText'>, actions: SpellingActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: formatMessage('spelling.noSuggestions'), enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push({ label: formatMessage('spelling.addToDictionary'), click: () => actions.addToDictionary(word) }, { type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { label: formatMessage('spelling.cut'), role: 'cut' },
      { label: formatMessage('spelling.copy'), role: 'copy' },
      { label: formatMessage('spelling.paste'), role: 'paste' },
    );
  } else if (params.selectionText) {
    items.push({ label: formatMessage('spelling.copy'), role: 'copy' });
  }
  return items;
}
