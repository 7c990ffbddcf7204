import { useId, useState } from 'react';
import { t } from '../messages.js';

/** An approver goes ahead although the checks found errors, with a written reason the portal records. */
export function OverrideForm({ action, onConfirm }: { action: string; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const fieldId = useId();
  return (
    <div className="override-form">
      <p>{t('sync.override')}</p>
      <label htmlFor={fieldId}>{t('sync.overrideReason')}</label>
      <textarea id={fieldId} rows={2} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
      <button type="button" className="danger" disabled={reason.trim().length < 10} onClick={() => onConfirm(reason.trim())}>
        {action}
      </button>
    </div>
  );
}
