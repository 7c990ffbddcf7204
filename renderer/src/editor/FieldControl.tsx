import { useId } from 'react';
import type { EditorField } from '../../../common/blocks/editor-fields.js';
import { t } from '../messages.js';
import { MediaField } from './MediaField.js';

type Value = unknown;

/** One form control for one block attribute, from the block's field description. */
export function FieldControl({ field, value, onChange }: { field: EditorField; value: Value; onChange: (value: Value) => void }) {
  const id = useId();
  const hintId = field.hint ? `${id}-hint` : undefined;
  const hint = field.hint && (
    <p id={hintId} className="field-hint">
      {t(field.hint)}
    </p>
  );

  switch (field.control) {
    case 'text':
    case 'url':
      return (
        <div className="panel-field">
          <label htmlFor={id}>{t(field.label)}</label>
          <input id={id} type={field.control === 'url' ? 'url' : 'text'} value={typeof value === 'string' ? value : ''} aria-describedby={hintId} onChange={(event) => onChange(event.target.value)} lang="de" />
          {hint}
        </div>
      );
    case 'textarea':
      return (
        <div className="panel-field">
          <label htmlFor={id}>{t(field.label)}</label>
          <textarea id={id} rows={3} value={typeof value === 'string' ? value : ''} aria-describedby={hintId} onChange={(event) => onChange(event.target.value)} lang="de" />
          {hint}
        </div>
      );
    case 'checkbox':
      return (
        <div className="panel-field panel-field-checkbox">
          <input id={id} type="checkbox" checked={value === true} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} />
          <label htmlFor={id}>{t(field.label)}</label>
          {hint}
        </div>
      );
    case 'select':
      return (
        <div className="panel-field">
          <label htmlFor={id}>{t(field.label)}</label>
          <select
            id={id}
            value={String(value ?? '')}
            aria-describedby={hintId}
            // Numbers stay numbers (heading level); everything else is a string.
            onChange={(event) => onChange(typeof value === 'number' ? Number(event.target.value) : event.target.value)}
          >
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
          {hint}
        </div>
      );
    case 'media':
      return <MediaField field={field} value={value} onChange={onChange} />;
    case 'group': {
      const group = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      return (
        <fieldset className="panel-group">
          <legend>{t(field.label)}</legend>
          {field.fields.map((inner) => (
            <FieldControl key={inner.name} field={inner} value={group[inner.name]} onChange={(innerValue) => onChange({ ...group, [inner.name]: innerValue })} />
          ))}
        </fieldset>
      );
    }
    case 'list': {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const item = t(field.itemLabel);
      const replace = (index: number, next: Record<string, unknown>) => onChange(items.map((current, at) => (at === index ? next : current)));
      return (
        <fieldset className="panel-group">
          <legend>{t(field.label)}</legend>
          {hint}
          <ol className="panel-list">
            {items.map((entry, index) => (
              <li key={index} className="panel-list-item">
                <h4>{t('panel.itemHeading', { item, number: index + 1 })}</h4>
                {field.fields.map((inner) => (
                  <FieldControl key={inner.name} field={inner} value={entry[inner.name]} onChange={(innerValue) => replace(index, { ...entry, [inner.name]: innerValue })} />
                ))}
                <div className="panel-list-actions">
                  <button
                    type="button"
                    disabled={index === 0}
                    onClick={() => onChange([...items.slice(0, index - 1), entry, items[index - 1]!, ...items.slice(index + 1)])}
                  >
                    {t('panel.moveItemUp', { item, number: index + 1 })}
                  </button>
                  <button type="button" className="danger" onClick={() => onChange(items.filter((_, at) => at !== index))}>
                    {t('panel.removeItem', { item, number: index + 1 })}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => onChange([...items, field.newItem()])}>
            {t('panel.addItem', { item })}
          </button>
        </fieldset>
      );
    }
  }
}
