import { describe, expect, it } from 'vitest';
import { spellingMenuTemplate } from '../../main/electron/spelling-menu.js';

describe('the spelling context menu', () => {
  const calls: string[] = [];
  const actions = { replaceMisspelling: (word: string) => calls.push(`replace ${word}`), addToDictionary: (word: string) => calls.push(`add ${word}`) };

  it('offers the suggestions and "Zum Wörterbuch hinzufügen" for an unknown word', () => {
    const items = spellingMenuTemplate({ isEditable: true, misspelledWord: 'Haushlat', dictionarySuggestions: ['Haushalt', 'Haushalts'], selectionText: '' }, actions);
    expect(items.map((item) => item.label ?? item.type)).toEqual(['Haushalt', 'Haushalts', 'Zum Wörterbuch hinzufügen', 'separator', 'Ausschneiden', 'Kopieren', 'Einfügen']);
    (items[0]!.click as () => void)();
    (items[2]!.click as () => void)();
    expect(calls).toEqual(['replace Haushalt', 'add Haushlat']);
  });

  it('says when there is no suggestion, and offers only copying outside text fields', () => {
    const none = spellingMenuTemplate({ isEditable: true, misspelledWord: 'Xyzq', dictionarySuggestions: [], selectionText: '' }, actions);
    expect(none[0]).toMatchObject({ label: 'Keine Vorschläge', enabled: false });
    expect(spellingMenuTemplate({ isEditable: false, misspelledWord: '', dictionarySuggestions: [], selectionText: 'Text' }, actions).map((item) => item.label)).toEqual(['Kopieren']);
    expect(spellingMenuTemplate({ isEditable: false, misspelledWord: '', dictionarySuggestions: [], selectionText: '' }, actions)).toEqual([]);
  });
});
