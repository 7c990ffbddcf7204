import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { CheckProfile, Finding } from '../../../common/checks/rules.js';
import type { DraftSession } from '../draft-session.js';
import { EditorChecks } from './checks.js';

/** The checks of the open release, run after each pause in typing (never on the keystroke itself), with the portal's profile. */
export function useEditorChecks(editor: Editor | null, session: DraftSession, profile: CheckProfile | null) {
  const [findings, setFindings] = useState<Finding[]>([]);
  const checks = useMemo(() => (editor ? new EditorChecks(editor, () => session.currentMeta) : null), [editor, session]);
  useEffect(() => {
    if (!checks) return;
    const stopFindings = checks.onFindings(setFindings);
    const stopChanges = session.onChange(() => checks.schedule());
    checks.schedule();
    return () => {
      stopFindings();
      stopChanges();
      checks.dispose();
    };
  }, [checks, session]);
  useEffect(() => checks?.setProfile(profile), [checks, profile]);

  /** The findings of the checks, run now: what a gate refuses is exactly what is in the editor. */
  function checkNow(): Finding[] {
    checks?.run();
    return checks?.findings ?? findings;
  }
  return { checks, findings, checkNow };
}
