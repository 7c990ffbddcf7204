import { useEffect, useId, useRef, useState } from 'react';
import type { EditorField } from '../../../common/blocks/editor-fields.js';
import { describeFile, mediaPathResolver, mediaRefSchema, type MediaRef } from '../../../common/media.js';
import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import { t } from '../messages.js';

type MediaEditorField = Extract<EditorField, { control: 'media' }>;

/** A file for a block: chosen in the file dialog or dropped here, copied into the media store. */
export function MediaField({ field, value, onChange }: { field: MediaEditorField; value: unknown; onChange: (value: MediaRef | null) => void }) {
  const { api } = useBackend();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const media = mediaRefSchema.safeParse(value);
  const label = t(field.label);
  // The import takes a moment; what the person types meanwhile must not be overwritten by a stale handler.
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  async function take(file: File) {
    setBusy(true);
    setError(null);
    await attempt(async () => {
      const imported = await importFile(api, file, field.accept);
      // The field's newest onChange, read after the import: what was typed meanwhile stays.
      latestOnChange.current(imported);
    }, setError);
    setBusy(false);
  }

  return (
    <div
      className={`panel-field media-field${dragging ? ' media-field-dragging' : ''}`}
      role="group"
      aria-labelledby={`${id}-label`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) void take(file);
      }}
    >
      <span id={`${id}-label`} className="panel-field-label">
        {label}
      </span>
      {media.success && media.data.mimeType.startsWith('image/') && <img className="media-thumb" src={mediaPathResolver.url(media.data)} alt="" />}
      <p className="panel-media">{media.success ? t('media.chosen', { name: media.data.name, info: describeFile(media.data) }) : t('panel.noMedia')}</p>
      <input
        ref={input}
        id={`${id}-input`}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={field.accept.join(',')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void take(file);
        }}
      />
      <div className="panel-list-actions">
        <button type="button" onClick={() => input.current?.click()} disabled={busy} aria-label={`${label}: ${media.success ? t('media.replace') : t('media.choose')}`}>
          {media.success ? t('media.replace') : t('media.choose')}
        </button>
        {media.success && (
          <button type="button" className="danger" onClick={() => onChange(null)} aria-label={`${label}: ${t('media.remove')}`}>
            {t('media.remove')}
          </button>
        )}
      </div>
      <p className="field-hint">{field.hint ? `${t(field.hint)} ` : ''}{t('media.dropHint')}</p>
      {busy && <p role="status">{t('media.importing')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Reads a chosen or dropped file and hands it to main, which judges it by content. */
export async function importFile(api: ReturnType<typeof useBackend>['api'], file: File, accept: readonly string[]): Promise<MediaRef> {
  return api.media.import({ name: file.name, data: new Uint8Array(await file.arrayBuffer()), accept: [...accept] });
}
