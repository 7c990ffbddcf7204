import { Mark } from '@tiptap/core';
import { cleanLanguage } from '../markup/rich-text.js';

/** Languages the "Sprache des Abschnitts" mark offers (BCP 47 primary tags). */
export const passageLanguages = ['en', 'fr', 'es', 'it', 'pl', 'cs', 'ru', 'uk', 'tr', 'ar'] as const;

/**
 * "Sprache des Abschnitts": a passage in another language (an English quote, say), rendered with
 * `lang` so screen readers switch their pronunciation (WCAG 3.1.2).
 */
export const LanguageMark = Mark.create({
  name: 'language',
  excludes: 'language',
  addAttributes: () => ({
    lang: {
      default: 'en',
      parseHTML: (element) => cleanLanguage(element.getAttribute('lang')) ?? 'en',
      renderHTML: (attributes) => ({ lang: cleanLanguage(attributes.lang) ?? 'en' }),
    },
  }),
  parseHTML: () => [{ tag: 'span[lang]', getAttrs: (element) => (cleanLanguage(element.getAttribute('lang')) && element.getAttribute('lang') !== 'de' ? null : false) }],
  renderHTML: ({ HTMLAttributes }) => ['span', HTMLAttributes, 0],
});
