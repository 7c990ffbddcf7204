import { useEffect, useRef } from 'react';
import type { Autosaver, SaveState } from '../autosave.js';
import { t } from '../messages.js';

const saveLabels: Record<SaveState, Parameters<typeof t>[0]> = {
  saved: 'save.saved',
  dirty: 'save.dirty',
  saving: 'save.saving',
  failed: 'save.failed',
};

/**
 * "Gespeichert", "Nicht gespeichert", "Speichert …": written into its element directly, not
 * through React state. The state changes a few times a second while a person types, and every
 * React commit measures the selection of the focused editor by walking its text up to the caret
 * (react-dom's commitBeforeMutationEffects): a commit per change would cost time in proportion to
 * the release on the typing path (bench/RESULTS.md, keystrokes at 5,000 blocks).
 */
export function SaveIndicator({ saver }: { saver: Autosaver }) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const show = (state: SaveState) => {
      if (!element.current) return;
      element.current.className = `save-state save-state-${state}`;
      element.current.textContent = t(saveLabels[state]);
    };
    show(saver.current);
    return saver.onState(show);
  }, [saver]);
  return (
    <p ref={element} role="status" aria-live="polite" data-testid="save-state" className={`save-state save-state-${saver.current}`}>
      {t(saveLabels[saver.current])}
    </p>
  );
}
