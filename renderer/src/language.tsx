import { createContext, useContext, useState, type ReactNode } from 'react';
import { currentLocale, setLocale, type Locale } from '../../common/messages/index.js';

/** Shows the app in a language: every text (catalog, dates, checks) and the page's `lang`. */
export function applyLanguage(language: Locale): void {
  setLocale(language);
  document.documentElement.lang = language;
}

const LanguageContext = createContext<(language: Locale) => void>(() => undefined);

/**
 * Everything below renders again in a new language: the tree is keyed by it. (The language is
 * chosen on the settings screen, where nothing unsaved is open.)
 */
export function LanguageRoot({ children }: { children: (language: Locale) => ReactNode }) {
  const [language, setLanguage] = useState<Locale>(currentLocale());
  const change = (next: Locale) => {
    applyLanguage(next);
    setLanguage(next);
  };
  return <LanguageContext.Provider value={change}>{children(language)}</LanguageContext.Provider>;
}

export function useChangeLanguage(): (language: Locale) => void {
  return useContext(LanguageContext);
}
