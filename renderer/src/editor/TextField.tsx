import type { FormEvent } from 'react';
import { applyTypographyOnBeforeInput } from '../typography-input.js';

/** Title or lead: a labelled plain-text field with German typography and a length limit. */
export function TextField(props: { id: string; label: string; value: string; limit: number; className: string; multiline?: boolean; onChange: (value: string) => void; onBlur: () => void }) {
  const { id, label, value, limit, className, multiline, onChange, onBlur } = props;
  const common = {
    id,
    className,
    value,
    maxLength: limit,
    onBlur,
    lang: 'de',
    spellCheck: true,
    onBeforeInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => applyTypographyOnBeforeInput(event, (next) => onChange(next.slice(0, limit))),
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} /> : <input {...common} onChange={(event) => onChange(event.target.value)} />}
    </div>
  );
}
