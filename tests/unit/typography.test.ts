import { describe, expect, it } from 'vitest';
import { germanTypography } from '../../common/typography.js';

/** Types text character by character through the rules, as the editor does. */
function typeText(text: string): string {
  let result = '';
  for (const char of text) {
    const edit = germanTypography(result, char);
    result = edit ? result.slice(0, result.length - edit.deleteBefore) + edit.insert : result + char;
  }
  return result;
}

describe('German typography while typing', () => {
  it.each([
    ['Er sagte: "Wir müssen raus aus der Komplexitätsfalle."', 'Er sagte: „Wir müssen raus aus der Komplexitätsfalle.“'],
    ['"Das ist \'richtig\' so"', '„Das ist ‚richtig‘ so“'],
    ["geht's und gibt's", 'geht’s und gibt’s'],
    ['("Klammer")', '(„Klammer“)'],
    ['Sachsen - Thüringen', 'Sachsen – Thüringen'],
    ['Sachsen--Thüringen', 'Sachsen–Thüringen'],
    ['von 10-12 Uhr, 2024-2026', 'von 10–12 Uhr, 2024–2026'],
    ['Und dann...', 'Und dann…'],
    ['Sachsen-Anhalt, IT-Strategie, Kfz-Zulassung', 'Sachsen-Anhalt, IT-Strategie, Kfz-Zulassung'],
    ['Telefon 0361/57-3611', 'Telefon 0361/57-3611'],
    ['Version 1.2-3', 'Version 1.2-3'],
  ])('%s', (typed, expected) => {
    expect(typeText(typed)).toBe(expected);
  });

  it('never produces English quotes', () => {
    expect(typeText('"a" \'b\' "c"')).not.toMatch(/[“”]\w|\w[„]|"/);
    expect(typeText('"a"')).toBe('„a“');
  });
});
