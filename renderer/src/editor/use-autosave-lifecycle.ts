import { useEffect, useState } from 'react';
import { BridgeError } from '../bridge.js';
import type { DraftSession } from '../draft-session.js';
import { t } from '../messages.js';

/**
 * Saves and revisions around the open release: stored when the page is hidden or closed, a
 * revision when the window loses focus and when the screen is left. Returns why the last save
 * failed, when a person can do something about it (the save state itself shows in SaveIndicator,
 * which changes no React state while a person types).
 */
export function useAutosaveLifecycle(session: DraftSession): string | null {
  const saver = session.autosaver;
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  useEffect(() => {
    let shown: string | null = null;
    const stop = saver.onState((state, error) => {
      // The explanation stays through the retries until a save succeeds; React state only when it changes.
      const problem = state === 'failed' ? saveProblemOf(error) : state === 'saved' ? null : shown;
      if (problem === shown) return;
      shown = problem;
      setSaveProblem(problem);
    });
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    // The window loses focus (the person turns to another program): a revision of the state.
    const onWindowBlur = () => void session.checkpoint('blur');
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges) return;
      // Hold the window until the last change is stored; in Electron the close then proceeds.
      event.preventDefault();
      void saver.flush().then((saved) => saved && window.close());
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('blur', onWindowBlur);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('blur', onWindowBlur);
      session.takeBlocks();
      // However the screen is left: keep saving until it is stored, then keep a revision.
      session.close();
    };
  }, [session, saver]);
  return saveProblem;
}

/** What a person can do about a failed save: a restarted app, a full or failing disk. */
function saveProblemOf(error: unknown): string | null {
  if (!(error instanceof BridgeError)) return null;
  if (error.code === 'unauthorized') return t('save.unauthorized');
  if (error.code === 'storage') return error.message;
  return null;
}
