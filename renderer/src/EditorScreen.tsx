import { EditorContent, type Editor } from '@tiptap/react';
import { revisionLabelSchema } from '../../common/revision-label.js';
import { useCallback, useEffect, useId, useState, type FocusEvent } from 'react';
import { articleLimits, type ArticleMeta } from '../../common/article.js';
import type { Draft, RevisionSummary } from '../../common/contract.js';
import { mediaPathResolver } from '../../common/media.js';
import { renderArticle } from '../../common/rendering/render-article.js';
import { reviewerRoles } from '../../common/workflow.js';
import { useBackend } from './api-context.js';
import { errorMessage } from './attempt.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { unsavedDraft } from './create-draft.js';
import { DraftSession } from './draft-session.js';
import { BlockPanel } from './editor/BlockPanel.js';
import { insertBlock } from './editor/block-commands.js';
import { BlockMenu } from './editor/BlockMenu.js';
import { CheckPanel } from './editor/CheckPanel.js';
import { CheckPopover } from './editor/CheckPopover.js';
import { DragHandle } from './editor/DragHandle.js';
import { FormatToolbar } from './editor/FormatToolbar.js';
import { MetaPanel, TeaserImagePanel } from './editor/MetaPanel.js';
import { SaveIndicator } from './editor/SaveIndicator.js';
import { TextField } from './editor/TextField.js';
import { useAutosaveLifecycle } from './editor/use-autosave-lifecycle.js';
import { useBodyEditor, type MenuPlacement } from './editor/use-body-editor.js';
import { useEditorChecks } from './editor/use-editor-checks.js';
import { formatDateTime } from './format-date.js';
import { HistoryView } from './history/HistoryView.js';
import { NameDialog } from './NameDialog.js';
import { SaveAsTemplate } from './release/SaveAsTemplate.js';
import { t } from './messages.js';
import { ConflictPanel } from './release/ConflictPanel.js';
import { EditorCommentMarkers, EditorComments, useCommentableBlocks } from './release/EditorComments.js';
import { OverrideForm } from './release/OverrideForm.js';
import { PublishControls } from './release/PublishControls.js';
import { ReleaseProvider, useReleaseSubscription } from './release/release-context.js';
import { SyncLine } from './release/SyncLine.js';
import { useOutputActions } from './release/output-actions.js';
import { useReleaseActions } from './release/use-release-actions.js';
import { loadDraft, takeArrivedDraft } from './draft-prefetch.js';
import { openedDraft, type OpenedDraft } from './opened-draft.js';
import { navigate, replaceRoute } from './routes.js';
import { followSlideLink } from './slide-links.js';

/** Loads one press release and shows it for editing; keyed by id, so each draft starts fresh. */
export function EditorScreen({ id }: { id: string }) {
  const { api } = useBackend();
  const [draft, setDraft] = useState<OpenedDraft | null>(() => {
    const arrived = takeArrivedDraft(id);
    return arrived && openedDraft(arrived);
  });
  const arrived = draft !== null;
  const [error, setError] = useState<string | null>(null);

  // Opening a release fetches its state on the portal (approved meanwhile?) when signed in.
  useEffect(() => {
    void api.portal.status().then(
      (status) => (status.connected ? api.sync.refresh().then(() => undefined) : undefined),
      () => undefined,
    );
  }, [api, id]);

  useEffect(() => {
    if (arrived) return;
    let current = true;
    loadDraft(api, id).then(
      (loaded) => current && setDraft(openedDraft(loaded)),
      (caught: unknown) => current && setError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [api, id, arrived]);

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
  return <ReplaceableEditor draft={draft} />;
}

/** "Neue Pressemitteilung": an empty release in the editor, stored only with the first input. */
export function NewDraftScreen({ id }: { id: string }) {
  const [draft] = useState(() => openedDraft(unsavedDraft(id)));
  return <ReplaceableEditor draft={draft} />;
}

/** The editor, started afresh when the release is replaced as a whole (a restore). */
function ReplaceableEditor({ draft: initial }: { draft: OpenedDraft }) {
  const [draft, setDraft] = useState(initial);
  const [replaced, setReplaced] = useState<{ count: number; message: string } | null>(null);
  return (
    <DraftEditor
      key={`${draft.id}:${replaced?.count ?? 0}`}
      draft={draft}
      initialNotice={replaced?.message ?? null}
      onReplaced={(next, message) => {
        setDraft(openedDraft(next));
        setReplaced((previous) => ({ count: (previous?.count ?? 0) + 1, message }));
      }}
    />
  );
}

type Mode = 'edit' | 'preview' | 'history';

function DraftEditor({ draft, initialNotice, onReplaced }: { draft: OpenedDraft; initialNotice: string | null; onReplaced: (draft: Draft, message: string) => void }) {
  const { api } = useBackend();
  const [title, setTitle] = useState(draft.article.meta.title);
  const [embargo, setEmbargo] = useState(draft.article.meta.embargo);
  const [lead, setLead] = useState(draft.article.meta.lead);
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const [menu, setMenu] = useState<MenuPlacement | null>(null);
  const [mode, setMode] = useState<Mode>('edit');
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [savingVersion, setSavingVersion] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [session] = useState(
    () =>
      new DraftSession(
        api,
        draft,
        (copy) => {
          replaceRoute({ screen: 'editor', id: copy.id });
          setNotice(t('editor.conflictCopy', { title: copy.article.meta.title }));
        },
        () => replaceRoute({ screen: 'editor', id: draft.id }),
      ),
  );
  const saver = session.autosaver;
  const fieldId = useId();
  // The one subscription to the release's state on the portal; the pieces below read it.
  const release = useReleaseSubscription(session.id);
  const reviewer = release.role !== null && reviewerRoles.includes(release.role);
  const editor = useBodyEditor({ api, session, onMenu: setMenu, report: setNotice });
  const { checks, findings, checkNow } = useEditorChecks(editor, session, release.profile);
  const commentBlocks = useCommentableBlocks(editor, release.sync?.portalRevision ?? null);
  const saveProblem = useAutosaveLifecycle(session);
  const actions = useReleaseActions({ session, checkNow, report: setNotice, onReplaced });
  const output = useOutputActions(session, setNotice);

  const [bodyFrame, setBodyFrame] = useState<HTMLElement | null>(null);
  const [metaGeneration, setMetaGeneration] = useState(0);
  const onSessionChange = useCallback((listener: () => void) => session.onChange(listener), [session]);

  function changeText(field: 'title' | 'lead', value: string) {
    if (field === 'title') setTitle(value);
    else setLead(value);
    session.setMeta(field, value);
  }

  /** One field of another version's metadata (a conflict's portal version) into the editor. */
  function adoptMeta(field: keyof ArticleMeta, from: ArticleMeta) {
    if (field === 'title' || field === 'lead') return changeText(field, from[field]);
    session.setMeta(field, from[field]);
    if (field === 'embargo') setEmbargo(from.embargo);
    // The side panels take their values when they mount.
    setMetaGeneration((value) => value + 1);
  }

  async function back() {
    if (await saver.flush()) navigate({ screen: 'drafts' });
  }

  /** Focus left the editor screen altogether (not just moved between its fields). */
  function onScreenBlur(event: FocusEvent<HTMLElement>) {
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next)) return;
    // A click on empty space moves focus nowhere, and the person is still writing: only another
    // window or another part of the app counts as leaving.
    if (next === null && document.hasFocus()) return;
    void session.checkpoint('blur');
  }

  function toggleMode(next: Mode) {
    const target = mode === next ? 'edit' : next;
    setPreviewHtml(target === 'preview' ? renderArticle(session.snapshot(), mediaPathResolver) : null);
    setMode(target);
  }

  function askRestore(revision: RevisionSummary) {
    const date = formatDateTime(revision.createdAt);
    setConfirm({
      title: t('history.restoreTitle'),
      text: t('history.restoreText', { date }),
      confirmLabel: t('history.restore'),
      onConfirm: () => void actions.restore(revision, date),
    });
  }

  function pick(editorInstance: Editor, blockName: string) {
    setMenu(null);
    insertBlock(editorInstance, blockName);
  }

  function closeMenu(reason: 'escape' | 'blur') {
    const placement = menu;
    setMenu(null);
    if (reason === 'blur') return;
    // Escape after "/" gives the slash back as typed text.
    if (placement?.at === 'cursor') editor?.chain().focus().insertContent('/').run();
    else editor?.commands.focus();
  }

  return (
    <ReleaseProvider value={release}>
      <section className="screen editor-screen" aria-label={title.trim() || t('drafts.untitled')} onBlur={onScreenBlur}>
        {/* The article's own h1 is in the preview; elsewhere the screen names itself. */}
        {mode !== 'preview' && <h1 className="visually-hidden">{t('editor.heading')}</h1>}
        <header className="screen-header editor-toolbar">
          <button type="button" onClick={() => void back()}>
            ← {t('editor.back')}
          </button>
          <button type="button" aria-pressed={mode === 'preview'} onClick={() => toggleMode('preview')}>
            {mode === 'preview' ? t('toolbar.edit') : t('toolbar.preview')}
          </button>
          <button type="button" aria-pressed={mode === 'history'} onClick={() => toggleMode('history')}>
            {mode === 'history' ? t('history.close') : t('history.open')}
          </button>
          <button type="button" onClick={() => setSavingVersion(true)}>
            {t('history.saveVersion')}
          </button>
          <SaveAsTemplate session={session} report={setNotice} />
          <button type="button" onClick={() => void actions.exportFile()}>
            {t('transfer.export')}
          </button>
          <button type="button" onClick={() => void output.exportWord()}>
            {t('output.wordExport')}
          </button>
          <button type="button" onClick={() => void output.print()}>
            {t('output.print')}
          </button>
          <button type="button" className="primary" onClick={() => void actions.submit(undefined)}>
            {t('sync.submit')}
          </button>
          <SyncLine />
          <SaveIndicator saver={session.autosaver} />
        </header>
        <ConflictPanel current={() => session.snapshot()} editor={editor} onChange={onSessionChange} onAdoptMeta={adoptMeta} onTakePortal={actions.takePortal} onKeepMine={actions.keepMine} />
        <PublishControls embargo={embargo} />
        {draft.deletedAt && <p className="notice-inline">{t('editor.inTrash')}</p>}
        {saveProblem && (
          <p role="alert" className="notice-inline notice-problem">
            {saveProblem}
          </p>
        )}
        {notice && (
          <p role="alert" className="notice-inline">
            {notice}
          </p>
        )}
        {actions.overridable && reviewer && <OverrideForm action={t('sync.overrideSubmit')} onConfirm={(reason) => void actions.submit(reason)} />}
        {mode === 'history' && <HistoryView articleId={session.id} current={() => session.snapshot()} onRestore={askRestore} />}
        {mode === 'preview' && previewHtml !== null && (
          // The same renderer as publishing; its output is built from escaped, structured data.
          <div className="portal-preview portal" role="region" aria-label={t('preview.label')} onClick={followSlideLink} dangerouslySetInnerHTML={{ __html: previewHtml }} />
        )}
        <div className="editor-layout" hidden={mode !== 'edit'}>
          <article className="article-form portal">
            <TextField id={`${fieldId}-title`} label={t('editor.title')} value={title} limit={articleLimits.titleLength} className="title-input" onChange={(value) => changeText('title', value)} onBlur={() => void saver.flush()} />
            <TextField id={`${fieldId}-lead`} label={t('editor.lead')} value={lead} limit={articleLimits.leadLength} className="lead-input" multiline onChange={(value) => changeText('lead', value)} onBlur={() => void saver.flush()} />
            <div className="field body-field">
              <span className="field-label" aria-hidden="true">
                {t('editor.body')}
              </span>
              {editor && <FormatToolbar editor={editor} onInsert={() => setMenu({ at: 'toolbar' })} />}
              {editor && menu?.at === 'toolbar' && (
                <div className="block-menu-anchor">
                  <BlockMenu onPick={(name) => pick(editor, name)} onClose={closeMenu} />
                </div>
              )}
              <div className="editor-body-frame" ref={setBodyFrame}>
                {editor && <DragHandle editor={editor} />}
                {editor && <EditorCommentMarkers blocks={commentBlocks} editor={editor} frame={bodyFrame} />}
                <EditorContent editor={editor} />
                {editor && checks && <CheckPopover editor={editor} checks={checks} />}
              </div>
            </div>
          </article>
          <aside className="editor-panel" aria-label={t('panel.label')}>
            {editor && <BlockPanel editor={editor} />}
            <MetaPanel
              key={`meta-${metaGeneration}`}
              initial={session.currentMeta}
              onChange={(field, value) => {
                session.setMeta(field, value);
                if (field === 'embargo') setEmbargo(value as string);
              }}
            />
            <TeaserImagePanel key={`teaser-${metaGeneration}`} initial={session.currentMeta.teaserImage} onChange={(image) => session.setMeta('teaserImage', image)} />
            <EditorComments blocks={commentBlocks} onShow={(blockId) => checks?.show(blockId)} />
            {/* Last in the side panel: its length changes as findings come and go, and nothing below it may jump. */}
            {checks && <CheckPanel findings={findings} onShow={(blockId) => checks.show(blockId)} onFix={(finding) => checks.fix(finding)} />}
          </aside>
        </div>
        <NameDialog
          open={savingVersion}
          texts={{ title: t('history.saveVersion'), label: t('history.versionLabel'), hint: t('history.versionLabelHint'), confirm: t('history.saveVersion') }}
          valid={(label) => revisionLabelSchema.safeParse(label).success}
          onSave={(label) => void actions.saveVersion(label)}
          onClose={() => setSavingVersion(false)}
        />
        <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
        {editor && menu?.at === 'cursor' && (
          <div className="block-menu-floating" style={{ top: menu.top, left: menu.left }}>
            <BlockMenu onPick={(name) => pick(editor, name)} onClose={closeMenu} />
          </div>
        )}
      </section>
    </ReleaseProvider>
  );
}
