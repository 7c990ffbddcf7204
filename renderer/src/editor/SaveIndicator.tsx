import { useEffect, useRef } from 'react';
import type { Autosaver, SaveState } from '../autosave.js';
import { t } from '../messages.js';

/**
 * What the indicator shows for each state. A change waits at most 400 ms for its save
 * (autosave.ts), so "changed" and "saving" read alike: while a person types, the line stays
 * "Wird gespeichert …" instead of flickering between two texts a few times a second, which a
 * screen reader would announce each time (the line is a live region).
 */
const shown: Record<SaveState, { label: Parameters<typeof t>[0]; look: string }> = {
  saved: { label: 'save.saved', look: 'saved' },
  dirty: { label: 'save.saving', look: 'saving' },
  saving: { label: 'save.saving', look: 'saving' },
  failed: { label: 'save.failed', look: 'failed' },
};

/**
 * "Gespeichert", "Wird gespeichert …": written into its element directly, not through React
 * state, and only when what it shows changes. Every React commit measures the selection of the
 * focused editor by walking its text up to the caret (react-dom's commitBeforeMutationEffects),
 * and every change to the page makes the browser lay out and check the visibility of all blocks
 * again (content-visibility): both cost time in proportion to the release on the typing path
 * (bench/RESULTS.md, keystrokes at 5,000 blocks).
 */
export function SaveIndicator({ saver }: { saver: Autosaver }) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const show = (state: SaveState) => {
      const node = element.current;
      const { label, look } = shown[state];
      const className = `save-state save-state-${look}`;
      const text = t(label);
      if (!node) return;
      if (node.className !== className) node.className = className;
      if (node.textContent !== text) node.textContent = text;
    };
    show(saver.current);
    return saver.onState(show);
  }, [saver]);
  const { label, look } = shown[saver.current];
  return (
    <p ref={element} role="status" aria-live="polite" data-testid="save-state" className={`save-state save-state-${look}`}>
      {t(label)}
    </p>
  );
}
