import { useState } from 'react';
import { formatDateText, formatDateTimeText, parseDateText, parseDateTimeText } from '../../common/german-date-text.js';
import { t } from './messages.js';

const kinds = {
  day: { parse: parseDateText, format: formatDateText, placeholder: 'date.dayFormat', invalid: 'date.invalidDay' },
  dateTime: { parse: parseDateTimeText, format: formatDateTimeText, placeholder: 'date.dateTimeFormat', invalid: 'date.invalidDateTime' },
} as const;

/**
 * A date ("01.12.2026") or date and time ("01.12.2026 10:00") typed the German way, whatever the
 * browser's locale (a native date field follows the browser and shows mm/dd/yyyy in an English
 * one). Reports the ISO value; a text that is no date is marked and reported not at all.
 */
export function DateTextInput(props: { id: string; kind: keyof typeof kinds; value: string; onChange: (value: string) => void; describedBy?: string | undefined; onValidity?: (valid: boolean) => void }) {
  const { id, kind, value, onChange, describedBy, onValidity } = props;
  const { parse, format, placeholder, invalid } = kinds[kind];
  const [text, setText] = useState(() => format(value));
  const parsed = parse(text);
  const errorId = `${id}-error`;

  // A value set from outside (cleared, adopted from another version) replaces what is typed.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    const shown = parsed.kind === 'value' ? parsed.value : parsed.kind === 'empty' ? '' : null;
    if (shown !== null && shown !== value) setText(format(value));
  }

  function change(next: string) {
    setText(next);
    const result = parse(next);
    onValidity?.(result.kind !== 'invalid');
    if (result.kind === 'empty') onChange('');
    else if (result.kind === 'value') onChange(result.value);
  }

  return (
    <>
      <input
        id={id}
        type="text"
        autoComplete="off"
        placeholder={t(placeholder)}
        value={text}
        aria-invalid={parsed.kind === 'invalid' ? true : undefined}
        aria-describedby={[describedBy, parsed.kind === 'invalid' ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => parsed.kind === 'value' && setText(format(parsed.value))}
      />
      {parsed.kind === 'invalid' && (
        <p id={errorId} className="field-error">
          {t(invalid)}
        </p>
      )}
    </>
  );
}
