import { describe, expect, it } from 'vitest';
import { berlinToInstant, formatBerlin, formatBerlinLocal, instantToBerlin } from '../../common/berlin-time.js';

describe('Berlin time', () => {
  it('turns winter and summer wall-clock times into instants', () => {
    expect(berlinToInstant('2026-12-01T10:00').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(berlinToInstant('2026-07-01T10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('takes the earlier instant in the doubled autumn hour and skips the spring gap', () => {
    expect(berlinToInstant('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(berlinToInstant('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('goes back from instants to wall-clock times', () => {
    expect(instantToBerlin(new Date('2026-12-01T09:00:00Z'))).toBe('2026-12-01T10:00');
    expect(instantToBerlin(new Date('2026-07-01T08:00:00Z'))).toBe('2026-07-01T10:00');
  });

  it('formats instants in Berlin time and calendar days as those days, in German or English', () => {
    // 23:30 UTC on 30 November is already 1 December in Berlin.
    expect(formatBerlin('2026-11-30T23:30:00Z', 'dateTime')).toBe('01.12.2026, 00:30');
    expect(formatBerlin('2026-11-30T23:30:00Z', 'day')).toBe('01.12.2026');
    expect(formatBerlin('2026-11-30T23:30:00Z', 'longDay')).toBe('1. Dezember 2026');
    expect(formatBerlin('2026-11-30', 'longDay')).toBe('30. November 2026');
    expect(formatBerlin('2026-11-30', 'longDay', 'en')).toBe('30 November 2026');
    expect(formatBerlinLocal('2099-01-01T10:00')).toBe('01.01.2099, 10:00');
    expect(formatBerlinLocal('bald')).toBe('bald');
  });
});
