import { useState } from 'react';
import { templateSchema } from '../../../common/templates.js';
import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import type { DraftSession } from '../draft-session.js';
import { t } from '../messages.js';
import { NameDialog } from '../NameDialog.js';

/** "Als Vorlage speichern": the stored release (the autosave flushed first) becomes one of the person's templates. */
export function SaveAsTemplate({ session, report }: { session: DraftSession; report: (message: string) => void }) {
  const { api } = useBackend();
  const [open, setOpen] = useState(false);
  const save = (name: string) =>
    attempt(
      async () => {
        const template = await api.templates.save({ id: session.id, name });
        report(t('templates.saved', { name: template.name }));
      },
      report,
      () => session.autosaver.flush(),
    );
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('templates.saveAs')}
      </button>
      <NameDialog
        open={open}
        texts={{ title: t('templates.saveTitle'), label: t('templates.name'), hint: t('templates.saveHint'), confirm: t('templates.saveConfirm') }}
        valid={(name) => templateSchema.shape.name.safeParse(name).success}
        onSave={(name) => void save(name)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
