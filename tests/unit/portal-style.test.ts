import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxVariants } from '../../common/blocks/box.js';
import { contrastRatio } from '../../common/contrast.js';

const css = readFileSync(new URL('../../common/rendering/portal.css', import.meta.url), 'utf8');

function declarations(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rule = new RegExp(`${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!rule) throw new Error(`No rule for ${selector} in portal.css`);
  return Object.fromEntries(
    rule[1]!
      .split(';')
      .map((part) => part.split(':').map((piece) => piece.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ''),
  );
}

describe('the portal stylesheet', () => {
  it('has a rule for each of the four box colours', () => {
    expect(boxVariants).toEqual(['blue', 'lightblue', 'black', 'gray']);
  });

  it.each(boxVariants)('box "%s": text and links contrast at least 4.5:1 with the background', (variant) => {
    const box = declarations(`.portal .ce-box-${variant}`);
    const background = box.background!;
    expect(contrastRatio(box.color!, background)).toBeGreaterThanOrEqual(4.5);
    // Links keep the portal blue unless the box gives them their own colour.
    const link = css.includes(`.ce-box-${variant} a`) ? declarations(`.portal .ce-box-${variant} a`).color! : '#004a8f';
    expect(contrastRatio(link, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
