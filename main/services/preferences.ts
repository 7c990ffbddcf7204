import { currentLocale, locales, setLocale, type Locale } from '../../common/messages/index.js';
import type { SqliteDatabase } from './database.js';

const LANGUAGE = 'ui.language';

/**
 * The person's settings, kept in the data folder's database (a browser's storage would not
 * do: the browser entry's address changes with every launch). Setting the language sets it
 * for every message this process formats, too.
 */
export class Preferences {
  constructor(private readonly db: SqliteDatabase) {
    setLocale(this.storedLanguage());
  }

  get language(): Locale {
    return currentLocale();
  }

  setLanguage(language: Locale): Locale {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(LANGUAGE, language);
    setLocale(language);
    return language;
  }

  private storedLanguage(): Locale {
    const stored = this.db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(LANGUAGE);
    return (locales as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'de';
  }
}
