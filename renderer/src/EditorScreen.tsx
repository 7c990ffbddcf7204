import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useState } from 'react';
import { articleLimits } from '../../common/article.js';
import type { Draft } from '../../common/contract.js';
import { useBackend } from './api-context.js';
import type { SaveState } from './autosave.js';
import { DraftSession } from './draft-session.js';
import { t } from './messages.js';
import { navigate, replaceRoute } from './routes.js';

/** Loads one press release and shows it for editing; keyed by id, so each draft starts fresh. */
export function EditorScreen({ id }: { id: string }) {
  const { api } = useBackend();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.drafts.get({ id }).then(
      (loaded) => current && setDraft(loaded),
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      current = false;
    };
  }, [api, id]);

  if (error) {
    return (
      <section className="screen">
        <p role="alert" className="error">
          {t('editor.loadFailed')} {error}
        </p>
        <a href="#/">{t('editor.back')}</a>
      </section>
    );
  }
  if (!draft) return <p className="loading">{t('app.loading')}</p>;
  return <DraftEditor key={draft.id} draft={draft} />;
}

const saveLabels: Record<SaveState, Parameters<typeof t>[0]> = {
  saved: 'save.saved',
  dirty: 'save.dirty',
  saving: 'save.saving',
  failed: 'save.failed',
};

function DraftEditor({ draft }: { draft: Draft }) {
  const { api } = useBackend();
  const [title, setTitle] = useState(draft.article.meta.title);
  const [lead, setLead] = useState(draft.article.meta.lead);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [notice, setNotice] = useState<string | null>(null);
  const [session] = useState(
    () =>
      new DraftSession(api, draft, (copy) => {
        replaceRoute({ screen: 'editor', id: copy.id });
        setNotice(t('editor.conflictCopy', { title: copy.article.meta.title }));
      }),
  );
  const saver = session.autosaver;
  const fieldId = useId();

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4, 5, 6] },
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      }),
    ],
    content: draft.article.body,
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'article-body',
        lang: 'de',
        spellcheck: 'true',
      },
    },
    onUpdate: () => saver.change(),
    onBlur: () => void saver.flush(),
  });

  useEffect(() => session.attach(editor), [session, editor]);

  useEffect(() => {
    const stop = saver.onState((state) => setSaveState(state));
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges) return;
      // Hold the window until the last change is stored; in Electron the close then proceeds.
      event.preventDefault();
      void saver.flush().then((saved) => saved && window.close());
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      session.snapshot();
      // Leaving the screen by other means than "Zur Übersicht": keep saving until it is stored.
      void saver.flush().then((saved) => saved && saver.dispose());
    };
  }, [session, saver]);

  function changeMeta(field: 'title' | 'lead', value: string) {
    if (field === 'title') setTitle(value);
    else setLead(value);
    session.setMeta(field, value);
  }

  async function back() {
    if (await saver.flush()) navigate({ screen: 'drafts' });
  }

  return (
    <section className="screen editor-screen" aria-label={title.trim() || t('drafts.untitled')}>
      <header className="screen-header editor-toolbar">
        <button type="button" onClick={() => void back()}>
          ← {t('editor.back')}
        </button>
        <p role="status" aria-live="polite" data-testid="save-state" className={`save-state save-state-${saveState}`}>
          {t(saveLabels[saveState])}
        </p>
      </header>
      {draft.deletedAt && <p className="notice-inline">{t('editor.inTrash')}</p>}
      {notice && (
        <p role="alert" className="notice-inline">
          {notice}
        </p>
      )}
      <article className="article-form">
        <div className="field">
          <label className="field-label" htmlFor={`${fieldId}-title`}>
            {t('editor.title')}
          </label>
          <input
            id={`${fieldId}-title`}
            className="title-input"
            value={title}
            maxLength={articleLimits.titleLength}
            onChange={(event) => changeMeta('title', event.target.value)}
            onBlur={() => void saver.flush()}
            lang="de"
            spellCheck
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${fieldId}-lead`}>
            {t('editor.lead')}
          </label>
          <textarea
            id={`${fieldId}-lead`}
            className="lead-input"
            value={lead}
            rows={3}
            maxLength={articleLimits.leadLength}
            onChange={(event) => changeMeta('lead', event.target.value)}
            onBlur={() => void saver.flush()}
            lang="de"
            spellCheck
          />
        </div>
        <div className="field">
          <span className="field-label" aria-hidden="true">
            {t('editor.body')}
          </span>
          <EditorContent editor={editor} />
        </div>
      </article>
    </section>
  );
}
