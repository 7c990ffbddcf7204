/**
 * No background task ends the app: a timer or an unawaited promise that fails (a full disk
 * during the search index's catch-up, a pull that cannot be stored) is logged, and the app
 * goes on. Every write is a transaction, so a failed one left nothing half-done; the person's
 * text is still in the editor, which retries its save and says why it could not save.
 */
export function keepRunningOnBackgroundErrors(log: (message: string, error: unknown) => void = console.error): () => void {
  const onError = (error: unknown) => log('A background task failed; the app goes on:', error);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}
