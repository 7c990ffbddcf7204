import { useRef, useState, type DragEvent } from 'react';
import { formatFileSize, formatMegabytes } from '../../common/media.js';
import { WORD_FILE_EXTENSION, WORD_FILE_TYPE, WORD_IMPORT_LIMIT } from '../../common/word-import.js';
import { useBackend } from './api-context.js';
import { attempt } from './attempt.js';
import { t } from './messages.js';
import { navigate } from './routes.js';

/**
 * Word files become new releases: each is sent to main (a file over 50 MB is refused here,
 * unread), the last one created opens, and what main has to say about it (tracked changes,
 * comments, images left out) stays in the notice line.
 */
export function useWordImport(onNotice: (text: string) => void) {
  const { api } = useBackend();
  const [busy, setBusy] = useState(false);

  async function importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    setBusy(true);
    let opened: string | null = null;
    const said: string[] = [];
    for (const file of files) {
      if (file.size > WORD_IMPORT_LIMIT) {
        said.push(t('word.tooLarge', { name: file.name, size: formatFileSize(file.size), limit: formatMegabytes(WORD_IMPORT_LIMIT) }));
        continue;
      }
      onNotice(t('word.importing', { name: file.name }));
      await attempt(
        async () => {
          const { draft, notices } = await api.drafts.importWord({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
          said.push(t('word.imported', { title: draft.article.meta.title || t('drafts.untitled'), name: file.name }), ...notices);
          opened = draft.id;
        },
        (message) => said.push(message),
      );
    }
    setBusy(false);
    onNotice(said.join(' '));
    if (opened) navigate({ screen: 'editor', id: opened });
  }

  return { busy, importFiles };
}

/** "Word-Datei importieren": a file chooser for .docx. */
export function WordImportButton({ busy, onFiles }: { busy: boolean; onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('word.import')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('word.importLabel')}
        accept={`${WORD_FILE_EXTENSION},${WORD_FILE_TYPE}`}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}

/** An element as a drop zone for files: the props to spread on it, and whether files are over it. */
export function useFileDrop(onFiles: (files: File[]) => void, busy: boolean) {
  const [dragging, setDragging] = useState(false);
  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const props = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      // Moving onto a child of the zone is no leaving.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      if (!busy) onFiles([...event.dataTransfer.files]);
    },
  };
  return { dragging, props };
}
