import { useRef, useState } from 'react';
import { RELEASE_FILE_EXTENSION } from '../../common/release-file.js';
import { useBackend } from './api-context.js';
import { attempt } from './attempt.js';
import { t } from './messages.js';
import { navigate } from './routes.js';

/** Hands text to the browser (or Electron) as a file to save. */
export function downloadText(fileName: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type: 'application/json' }));
}

/** Hands bytes (base64, as main sends them) to the browser (or Electron) as a file to save. */
export function downloadBytes(fileName: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Datei importieren": a release file becomes a new release, which then opens. */
export function ImportButton({ onNotice }: { onNotice: (text: string) => void }) {
  const { api } = useBackend();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function importFile(file: File) {
    setBusy(true);
    await attempt(async () => {
      const draft = await api.drafts.import({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      onNotice(t('transfer.imported', { title: draft.article.meta.title || t('drafts.untitled') }));
      navigate({ screen: 'editor', id: draft.id });
    }, onNotice);
    setBusy(false);
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('transfer.import')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('transfer.importLabel')}
        accept={`${RELEASE_FILE_EXTENSION},.json,application/json`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
