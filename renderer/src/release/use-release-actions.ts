import { useState } from 'react';
import type { Finding } from '../../../common/checks/rules.js';
import type { Draft, RevisionSummary } from '../../../common/contract.js';
import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import type { DraftSession } from '../draft-session.js';
import { t } from '../messages.js';
import { downloadText } from '../transfer.js';
import { gateErrors, gateRefusal } from './gate.js';

/**
 * What a person does with the open release, each through `attempt`: the autosave is flushed
 * first where main acts on the stored text, and a failure becomes the screen's notice.
 */
export function useReleaseActions(options: {
  session: DraftSession;
  /** The checks of the editor's text, run now. */
  checkNow: () => Finding[];
  report: (message: string) => void;
  /** The release was replaced as a whole (a restore, the portal's version taken). */
  onReplaced: (draft: Draft, message: string) => void;
}) {
  const { session, checkNow, report, onReplaced } = options;
  const { api } = useBackend();
  // The checks refused a submission: an approver may go ahead with a reason.
  const [overridable, setOverridable] = useState(false);
  const flush = () => session.autosaver.flush();

  /** "Zur Freigabe einreichen": refused while the checks report errors (an approver may override); otherwise saved, then queued. */
  async function submit(override?: string) {
    // What is refused or sent is exactly what is in the editor.
    const errors = gateErrors('submit', checkNow());
    if (errors.length > 0 && !override) {
      report(gateRefusal(errors));
      setOverridable(true);
      return;
    }
    setOverridable(false);
    await attempt(
      async () => {
        await api.sync.submit({ id: session.id, ...(override ? { override } : {}) });
        const status = await api.portal.status();
        report(status.connected ? t('sync.submitted') : t('sync.needsSignIn'));
      },
      report,
      flush,
    );
  }

  /** The conflict decided for the portal's version: it replaces the editor's text. */
  const takePortal = () =>
    attempt(async () => {
      // Whatever the save does, the portal's version replaces the text.
      await flush();
      await api.sync.resolve({ id: session.id, keep: 'portal' });
      const reloaded = await api.drafts.get({ id: session.id });
      session.retire();
      onReplaced(reloaded, t('sync.keptPortal'));
    }, report);

  /** The conflict decided for one's own version: sent as the next revision on the portal's. */
  const keepMine = () => attempt(() => api.sync.resolve({ id: session.id, keep: 'mine' }), report, flush);

  const saveVersion = (label: string) =>
    attempt(
      async () => {
        await api.history.saveVersion({ id: session.id, label });
        report(t('history.versionSaved', { label }));
      },
      report,
      flush,
    );

  const exportFile = () =>
    attempt(
      async () => {
        const { fileName, content } = await api.drafts.export({ id: session.id });
        downloadText(fileName, content);
        report(t('transfer.exported', { name: fileName }));
      },
      report,
      flush,
    );

  const restore = (revision: RevisionSummary, date: string) =>
    attempt(
      async () => {
        const restored = await api.history.restore({ id: session.id, revision: revision.id, baseVersion: session.version });
        session.retire();
        onReplaced(restored, t('history.restored', { date }));
      },
      report,
      flush,
    );

  return { submit, overridable, takePortal, keepMine, saveVersion, exportFile, restore };
}
