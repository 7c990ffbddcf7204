import { afterEach, describe, expect, it } from 'vitest';
import { formatBerlin } from '../../common/berlin-time.js';
import { catalogs, formatCount, formatMessage, setLocale } from '../../common/messages/index.js';
import { portalMessages } from '../../portal/messages.js';
import { portalMessagesEn } from '../../portal/messages-en.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the interface in German and English', () => {
  afterEach(() => setLocale('de'));

  it('the German and English catalogs have the same keys and the same placeholders, in the app and in the portal', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.de).sort());
    for (const key of Object.keys(catalogs.de) as Array<keyof typeof catalogs.de>) expect([key, placeholders(catalogs.en[key])]).toEqual([key, placeholders(catalogs.de[key])]);
    expect(Object.keys(portalMessagesEn).sort()).toEqual(Object.keys(portalMessages).sort());
    for (const key of Object.keys(portalMessages) as Array<keyof typeof portalMessages>) expect([key, placeholders(portalMessagesEn[key])]).toEqual([key, placeholders(portalMessages[key])]);
  });

  it('messages and dates follow the chosen language; German is the default', () => {
    expect(formatMessage('nav.settings')).toBe('Einstellungen');
    expect(formatBerlin('2026-12-02T09:30:00Z', 'longDay')).toBe('2. Dezember 2026');
    setLocale('en');
    expect(formatMessage('nav.settings')).toBe('Settings');
    expect(formatBerlin('2026-12-02T09:30:00Z', 'longDay')).toBe('2 December 2026');
    expect(formatMessage('nav.settings', {}, 'de')).toBe('Einstellungen');
  });

  it('counts in the singular and the plural each language needs', () => {
    const line = (errors: number, warnings: number, hints: number) =>
      formatMessage('check.count', { errors: formatCount('check.errors', errors), warnings: formatCount('check.warnings', warnings), hints: formatCount('check.hints', hints) });
    expect(line(1, 1, 1)).toBe('1 Fehler, 1 Warnung, 1 Hinweis');
    expect(line(0, 2, 3)).toBe('0 Fehler, 2 Warnungen, 3 Hinweise');
    setLocale('en');
    expect(line(1, 1, 1)).toBe('1 error, 1 warning, 1 hint');
    expect(line(0, 2, 3)).toBe('0 errors, 2 warnings, 3 hints');
  });
});
