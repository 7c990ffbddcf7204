import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import type { DraftSession } from '../draft-session.js';
import { t } from '../messages.js';
import { navigate } from '../routes.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Hands bytes (base64, as main sends them) to the browser (or Electron) as a file to save. */
export function downloadBytes(fileName: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Als Word-Datei exportieren" and "Drucken" of the open release, each on the stored text (the autosave flushed first). */
export function useOutputActions(session: DraftSession, report: (message: string) => void) {
  const { api } = useBackend();
  const flush = () => session.autosaver.flush();

  const exportWord = () =>
    attempt(
      async () => {
        const { fileName, data } = await api.drafts.exportWord({ id: session.id });
        downloadBytes(fileName, data, DOCX_TYPE);
        report(t('output.wordExported', { name: fileName }));
      },
      report,
      flush,
    );

  const print = () => attempt(async () => navigate({ screen: 'print', id: session.id }), report, flush);

  return { exportWord, print };
}
