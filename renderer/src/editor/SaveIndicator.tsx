import { useEffect, useRef } from 'react';
import type { Autosaver, SaveState } from '../autosave.js';
import { t } from '../messages.js';

/** How long the saves must have caught up before the line says "Gespeichert": longer than a pause between two keys. */
const SAVED_SETTLE_MS = 1000;

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
 * state, and only when what it shows changes; "Gespeichert" once the saves have caught up for a
 * second, so that the line does not flip between two keys. Every React commit measures the
 * selection of the focused editor by walking its text up to the caret (commitBeforeMutationEffects),
 * and every change to the page makes the browser lay out and check the visibility of all blocks
 * again (content-visibility): both cost time in proportion to the release on the typing path
 * (bench/RESULTS.md, keystrokes at 5,000 blocks).
 */
export function SaveIndicator({ saver }: { saver: Autosaver }) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let settling: ReturnType<typeof setTimeout> | null = null;
    const write = (state: SaveState) => {
      const node = element.current;
      const { label, look } = shown[state];
      const className = `save-state save-state-${look}`;
      const text = t(label);
      if (!node) return;
      if (node.className !== className) node.className = className;
      if (node.textContent !== text) node.textContent = text;
    };
    const show = (state: SaveState) => {
      if (settling !== null) clearTimeout(settling);
      settling = null;
      // Saved between two keys is not yet "Gespeichert": that waits until the saves have caught up for a moment.
      if (state === 'saved') settling = setTimeout(() => write('saved'), SAVED_SETTLE_MS);
      else write(state);
    };
    write(saver.current);
    const stop = saver.onState(show);
    return () => {
      stop();
      if (settling !== null) clearTimeout(settling);
    };
  }, [saver]);
  const { label, look } = shown[saver.current];
  return (
    <p ref={element} role="status" aria-live="polite" data-testid="save-state" className={`save-state save-state-${look}`}>
      {t(label)}
    </p>
  );
}
