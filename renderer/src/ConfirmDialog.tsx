import { useEffect, useId, useRef } from 'react';
import { t } from './messages.js';

export interface ConfirmRequest {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** A modal question with a confirming and a cancelling button; Escape cancels. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={textId} onClose={onClose}>
      {request && (
        <>
          <h2 id={titleId}>{request.title}</h2>
          <p id={textId}>{request.text}</p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose} autoFocus>
              {t('dialog.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                request.onConfirm();
                onClose();
              }}
            >
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
