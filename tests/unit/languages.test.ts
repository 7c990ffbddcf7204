import { afterEach, describe, expect, it } from 'vitest';
import { formatBerlin } from '../../common/berlin-time.js';
import { catalogs, formatMessage, setLocale } from '../../common/messages/index.js';
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
});
