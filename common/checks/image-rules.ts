import { formatMessage } from '../messages/index.js';
import { setIn, type ImageFacts } from './document.js';
import type { Fix, Rule } from './rule.js';

/** Alternative texts and credits of every image, wherever a block keeps it (WCAG 1.1.1). */

const altPlaceholders = ['alternativer text', 'alternativtext', 'alt-text', 'alttext', 'bild', 'foto', 'grafik', 'platzhalter', 'image', 'photo', 'picture', 'img', 'abbildung'];
const altPrefixes = /^(bild von|bild:|foto:|foto von|grafik|abbildung)\s*:?\s*/i;

/** The alt text of an image that is not decorative, or null (decorative, or no alt text yet). */
function altOf(image: ImageFacts): string | null {
  const alt = image.alt.trim();
  return image.decorative || alt === '' ? null : alt;
}

function isPlaceholder(alt: string): boolean {
  const lower = alt.toLowerCase().replace(/[.:]+$/, '');
  return altPlaceholders.includes(lower) || /\.(jpe?g|png|gif|webp|svg|tiff?)$/i.test(alt) || /^\d+\s*[x×]\s*\d+(\s*px)?$/i.test(alt) || /^(https?:\/\/|www\.)/i.test(alt);
}

function setAlt(image: ImageFacts, value: string): Fix['apply'] {
  return (target) => ({ ...target, attrs: setIn(target.attrs ?? {}, [...image.path, 'alt'], value) });
}

export const imageRules: readonly Rule<ImageFacts>[] = [
  { id: 'a11y.altMissing', severity: 'error', wcag: '1.1.1', run: (image) => (!image.decorative && image.alt.trim() === '' ? { params: { name: image.name } } : null) },
  {
    id: 'a11y.altPlaceholder',
    severity: 'error',
    wcag: '1.1.1',
    run: (image) => {
      const alt = altOf(image);
      return alt !== null && isPlaceholder(alt) ? { params: { alt } } : null;
    },
  },
  {
    id: 'a11y.altPrefix',
    severity: 'warning',
    wcag: '1.1.1',
    run: (image) => {
      const alt = altOf(image);
      if (alt === null || isPlaceholder(alt) || !altPrefixes.test(alt)) return null;
      const stripped = alt.replace(altPrefixes, '');
      return { params: { alt }, fix: { label: formatMessage('check.fixAltPrefix', { alt: stripped }), apply: setAlt(image, stripped.charAt(0).toUpperCase() + stripped.slice(1)) } };
    },
  },
  {
    id: 'a11y.altTooLong',
    severity: 'warning',
    wcag: '1.1.1',
    run: (image) => {
      const alt = altOf(image);
      return alt !== null && alt.length > 150 ? { params: { length: alt.length } } : null;
    },
  },
  {
    id: 'a11y.altEqualsCaption',
    severity: 'warning',
    wcag: '1.1.1',
    run: (image) => {
      const alt = altOf(image);
      const caption = image.caption.trim();
      return alt !== null && caption !== '' && caption.toLowerCase() === alt.toLowerCase() ? {} : null;
    },
  },
  { id: 'preflight.imageCredit', severity: 'warning', wcag: null, run: (image) => (image.credit.trim() === '' ? { params: { name: image.name } } : null) },
];
