import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { revisionLabelSchema } from '../../../common/contract.js';
import { t } from '../messages.js';

/** "Version speichern": asks for a name, then hands it on. */
export function SaveVersionDialog({ open, onSave, onClose }: { open: boolean; onSave: (label: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const [label, setLabel] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setLabel('');
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const valid = revisionLabelSchema.safeParse(label).success;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    onSave(label.trim());
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{t('history.saveVersion')}</h2>
          <div className="field">
            <label className="field-label" htmlFor={inputId}>
              {t('history.versionLabel')}
            </label>
            <input id={inputId} value={label} maxLength={120} aria-describedby={hintId} autoFocus onChange={(event) => setLabel(event.target.value)} />
            <p id={hintId} className="field-hint">
              {t('history.versionLabelHint')}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!valid}>
              {t('history.saveVersion')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
