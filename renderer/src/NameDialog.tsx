import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from './messages.js';

/** The texts of a dialog that asks for a name: its heading, the field's label and hint, the button. */
export interface NameDialogTexts {
  title: string;
  label: string;
  hint: string;
  confirm: string;
}

/** Asks for a name ("Version speichern", "Als Vorlage speichern"), then hands it on. */
export function NameDialog({ open, texts, valid, onSave, onClose }: { open: boolean; texts: NameDialogTexts; valid: (name: string) => boolean; onSave: (name: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setName('');
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const isValid = valid(name);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValid) return;
    onSave(name.trim());
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{texts.title}</h2>
          <div className="field">
            <label className="field-label" htmlFor={inputId}>
              {texts.label}
            </label>
            <input id={inputId} value={name} maxLength={120} aria-describedby={hintId} autoFocus onChange={(event) => setName(event.target.value)} />
            <p id={hintId} className="field-hint">
              {texts.hint}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!isValid}>
              {texts.confirm}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
