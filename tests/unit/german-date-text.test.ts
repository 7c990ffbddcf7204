import { describe, expect, it } from 'vitest';
import { formatDateText, formatDateTimeText, parseDateText, parseDateTimeText } from '../../common/german-date-text.js';

describe('German date text', () => {
  it('reads German days and keeps ISO', () => {
    expect(parseDateText('1.12.2026')).toEqual({ kind: 'value', value: '2026-12-01' });
    expect(parseDateText(' 01.12.2026 ')).toEqual({ kind: 'value', value: '2026-12-01' });
    expect(parseDateText('2026-12-01')).toEqual({ kind: 'value', value: '2026-12-01' });
    expect(parseDateText('')).toEqual({ kind: 'empty' });
  });

  it('refuses what is no day', () => {
    for (const text of ['31.02.2026', '12/01/2026', '1.13.2026', 'morgen', '1.12.26']) expect(parseDateText(text)).toEqual({ kind: 'invalid' });
  });

  it('reads German date and time', () => {
    for (const text of ['1.12.2026 10:00', '01.12.2026, 10:00', '01.12.2026 10.00 Uhr', '2026-12-01T10:00']) {
      expect(parseDateTimeText(text)).toEqual({ kind: 'value', value: '2026-12-01T10:00' });
    }
    for (const text of ['01.12.2026', '01.12.2026 24:00', '12/01/2026 10:00 AM']) expect(parseDateTimeText(text)).toEqual({ kind: 'invalid' });
  });

  it('shows stored values the German way', () => {
    expect(formatDateText('2026-12-01')).toBe('01.12.2026');
    expect(formatDateTimeText('2026-12-01T10:00')).toBe('01.12.2026 10:00');
    expect(formatDateTimeText('')).toBe('');
  });
});
