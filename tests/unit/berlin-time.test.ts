import { describe, expect, it } from 'vitest';
import { berlinToInstant, instantToBerlin } from '../../common/berlin-time.js';

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
});
