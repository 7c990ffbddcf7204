import type { FormEvent, KeyboardEvent } from 'react';
import { applyTypographyOnBeforeInput } from '../typography-input.js';

/**
 * Title or lead: a labelled plain-text field with German typography and a length limit. Both
 * wrap (a long title is never cut off); a single-line field takes no line breaks.
 */
export function TextField(props: { id: string; label: string; value: string; limit: number; className: string; multiline?: boolean; onChange: (value: string) => void; onBlur: () => void }) {
  const { id, label, value, limit, className, multiline, onChange, onBlur } = props;
  const clean = (text: string) => (multiline ? text : text.replace(/\s*[\r\n]+\s*/g, ' '));
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={`${className}${multiline ? '' : ' single-line'}`}
        value={value}
        maxLength={limit}
        onBlur={onBlur}
        lang="de"
        spellCheck
        rows={multiline ? 3 : 1}
        onBeforeInput={(event: FormEvent<HTMLTextAreaElement>) => applyTypographyOnBeforeInput(event, (next) => onChange(clean(next).slice(0, limit)))}
        onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
          if (!multiline && event.key === 'Enter') event.preventDefault();
        }}
        onChange={(event) => onChange(clean(event.target.value))}
      />
    </div>
  );
}
