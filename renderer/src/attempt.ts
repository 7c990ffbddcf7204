import { t } from './messages.js';

/** The sentence to show for a failed call: main's German message, or the error's own text. */
export function errorMessage(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}

/**
 * Runs what a person asked for and reports a failure in their words: the one place the renderer
 * turns a failed call into a notice. With `flush`, the autosave stores the text first, so main acts
 * on what is in the editor; a save that fails stops the action. True when it went through.
 */
export async function attempt(action: () => Promise<unknown>, report: (message: string) => void, flush?: () => Promise<boolean>): Promise<boolean> {
  try {
    if (flush && !(await flush())) throw new Error(t('save.failed'));
    await action();
    return true;
  } catch (caught) {
    report(errorMessage(caught));
    return false;
  }
}
