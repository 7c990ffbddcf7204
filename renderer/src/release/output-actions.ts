import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import type { DraftSession } from '../draft-session.js';
import { t } from '../messages.js';
import { navigate } from '../routes.js';
import { downloadBytes } from '../transfer.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
