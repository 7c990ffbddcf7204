import { TextSelection } from '@tiptap/pm/state';
import type { EditorProps } from '@tiptap/pm/view';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useId, useMemo, useState, type FocusEvent, type FormEvent } from 'react';
import { articleLimits } from '../../common/article.js';
import { documentExtensions } from '../../common/blocks/catalog.js';
import { downloadTypes, imageTypes } from '../../common/blocks/editor-fields.js';
import { emptyImage } from '../../common/blocks/image.js';
import type { Draft, RevisionSummary } from '../../common/contract.js';
import { mediaPathResolver } from '../../common/media.js';
import { renderArticle } from '../../common/rendering/render-article.js';
import { useBackend } from './api-context.js';
import { BridgeError, type Api } from './bridge.js';
import type { SaveState } from './autosave.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { DraftSession } from './draft-session.js';
import { formatDateTime } from './format-date.js';
import { HistoryView } from './history/HistoryView.js';
import { SaveVersionDialog } from './history/SaveVersionDialog.js';
import { downloadText } from './transfer.js';
import { usePortalStatus, useReleaseSyncState } from './portal-status.js';
import { berlinToInstant, formatBerlinLocal } from '../../common/berlin-time.js';
import type { Article, ArticleMeta } from '../../common/article.js';
import { diffArticles, type BlockChange, type FieldChange } from '../../common/diff/article-diff.js';
import { DiffView } from './history/DiffView.js';
import { CommentMarkers, commentableBlocks, Comments } from './Comments.js';
import { BlockCommands, currentBlock, insertBlock, insertBlockNode } from './editor/block-commands.js';
import { importFile } from './editor/MediaField.js';
import { BlockMenu } from './editor/BlockMenu.js';
import { CurrentBlock } from './editor/current-block.js';
import { adoptBlock } from './editor/adopt-block.js';
import { CheckMarks, EditorChecks } from './editor/checks.js';
import { CheckPanel } from './editor/CheckPanel.js';
import { CheckPopover } from './editor/CheckPopover.js';
import type { Finding } from '../../common/checks/rules.js';
import { BlockPanel } from './editor/BlockPanel.js';
import { DragHandle } from './editor/DragHandle.js';
import { FormatToolbar } from './editor/FormatToolbar.js';
import { GermanTypography } from './editor/german-typography.js';
import { MetaPanel, TeaserImagePanel } from './editor/MetaPanel.js';
import { t } from './messages.js';
import { applyTypographyOnBeforeInput } from './typography-input.js';
import { navigate, replaceRoute } from './routes.js';

/** Loads one press release and shows it for editing; keyed by id, so each draft starts fresh. */
export function EditorScreen({ id }: { id: string }) {
  const { api } = useBackend();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Set when the release was replaced as a whole (a restore): the editor starts afresh on it.
  const [replaced, setReplaced] = useState<{ count: number; message: string } | null>(null);

  // Opening a release fetches its state on the portal (approved meanwhile?) when signed in.
  useEffect(() => {
    void api.portal.status().then(
      (status) => (status.connected ? api.sync.refresh().then(() => undefined) : undefined),
      () => undefined,
    );
  }, [api, id]);

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
  return (
    <DraftEditor
      key={`${draft.id}:${replaced?.count ?? 0}`}
      draft={draft}
      initialNotice={replaced?.message ?? null}
      onReplaced={(next, message) => {
        setDraft(next);
        setReplaced((previous) => ({ count: (previous?.count ?? 0) + 1, message }));
      }}
    />
  );
}

/** Dropped files become blocks: images a "Text mit Bild", documents a download in a "Linkliste". */
async function dropFiles(api: Api, session: DraftSession, files: File[], report: (message: string) => void): Promise<void> {
  for (const file of files) {
    const isImage = file.type.startsWith('image/');
    try {
      const media = await importFile(api, file, isImage ? imageTypes : downloadTypes);
      const editor = session.editor;
      if (!editor || editor.isDestroyed) return;
      insertBlockNode(
        editor,
        isImage
          ? { type: 'textWithImage', attrs: { position: 'above', image: { ...emptyImage(), media } }, content: [{ type: 'paragraph' }] }
          : { type: 'linkList', attrs: { header: '', links: [{ title: file.name.replace(/\.[^.]+$/, ''), href: '', download: media }] } },
      );
    } catch (caught) {
      report(caught instanceof Error ? caught.message : String(caught));
    }
  }
}

/** Title or lead: a labelled plain-text field with German typography and a length limit. */
function TextField(props: { id: string; label: string; value: string; limit: number; className: string; multiline?: boolean; onChange: (value: string) => void; onBlur: () => void }) {
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

const saveLabels: Record<SaveState, Parameters<typeof t>[0]> = {
  saved: 'save.saved',
  dirty: 'save.dirty',
  saving: 'save.saving',
  failed: 'save.failed',
};

/** The release on the portal: its status, what waits in the outbox, a refusal in the portal's words. */
function SyncLine({ id }: { id: string }) {
  const state = useReleaseSyncState(id);
  if (!state) return null;
  return (
    <p className="sync-line" data-testid="sync-state">
      <span>{t(state.portalStatus ? `sync.status.${state.portalStatus}` : 'sync.status.none')}</span>
      {state.pending > 0 && <span className="sync-pending"> · {t('sync.pending', { count: state.pending })}</span>}
      {state.problem && (
        <span role="alert" className="sync-problem">
          {' '}
          · {t('sync.problem', { message: state.problem })}
        </span>
      )}
    </p>
  );
}

/** Review comments on the release, once it is on the portal. */
function EditorComments({ id, article, onShow }: { id: string; article: Article; onShow: (blockId: string) => void }) {
  const state = useReleaseSyncState(id);
  const blocks = useMemo(() => commentableBlocks(article), [article]);
  if (!state || state.portalRevision === null) return null;
  return <Comments id={id} revision={state.portalRevision} blocks={blocks} onShow={onShow} />;
}

/** The review comments beside their blocks in the editor, at the right edge of the text. */
function EditorCommentMarkers({ id, article, editor, frame }: { id: string; article: Article; editor: Editor; frame: HTMLElement | null }) {
  const state = useReleaseSyncState(id);
  const blocks = useMemo(() => commentableBlocks(article), [article]);
  const locate = useCallback(
    (blockId: string) => {
      let element: HTMLElement | null = null;
      editor.state.doc.forEach((node, offset) => {
        if (!element && node.attrs.id === blockId) element = editor.view.nodeDOM(offset) as HTMLElement | null;
      });
      return element;
    },
    [editor],
  );
  const watch = useCallback(
    (update: () => void) => {
      // Typing moves the blocks below; so does a block growing as it renders (content-visibility).
      editor.on('update', update);
      const observer = new ResizeObserver(update);
      observer.observe(editor.view.dom);
      return () => {
        editor.off('update', update);
        observer.disconnect();
      };
    },
    [editor],
  );
  if (!state || state.portalRevision === null) return null;
  return <CommentMarkers id={id} revision={state.portalRevision} blocks={blocks} frame={frame} locate={locate} watch={watch} />;
}

/** An approver goes ahead although the checks found errors, with a written reason the portal records. */
function OverrideForm({ action, onConfirm }: { action: string; onConfirm: (reason: string) => void }) {
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

/** Someone else changed the release on the portal: both versions side by side as a diff; the person decides. */
function ConflictPanel(props: {
  id: string;
  current: () => Article;
  editor: Editor | null;
  onChange: (listener: () => void) => () => void;
  /** Takes one metadata field over from the portal's version. */
  onAdoptMeta: (field: keyof ArticleMeta, from: ArticleMeta) => void;
  onTakePortal: () => Promise<void>;
  onKeepMine: () => Promise<void>;
}) {
  const state = useReleaseSyncState(props.id);
  const [busy, setBusy] = useState(false);
  const conflict = state?.conflict;
  // While a conflict is open, the diff follows the editor's text (blocks taken over, typing),
  // recomputed after a pause rather than on each keystroke.
  const [, setRevisionOfText] = useState(0);
  const { onChange } = props;
  const open = Boolean(conflict);
  useEffect(() => {
    if (!open) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onChange(() => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => setRevisionOfText((value) => value + 1), 150);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      stop();
    };
  }, [onChange, open]);
  const headingId = useId();
  // Only while a conflict is open; the editor's text is taken as it is at this render.
  const diff = conflict ? diffArticles(conflict.article, props.current()) : null;
  const adopt = (block: BlockChange) => {
    if (!conflict || !props.editor || block.blockId === null || block.status === 'unchanged') return null;
    const label = block.status === 'added' ? 'sync.adoptRemove' : block.status === 'removed' ? 'sync.adoptInsert' : 'sync.adoptBlock';
    return (
      <button type="button" className="diff-adopt" onClick={() => adoptBlock(props.editor!, conflict.article, block.blockId!)}>
        {t(label)}
      </button>
    );
  };
  const adoptMeta = (change: FieldChange) =>
    conflict && change.metaField ? (
      <button type="button" className="diff-adopt" onClick={() => props.onAdoptMeta(change.metaField!, conflict.article.meta)}>
        {t('sync.adoptBlock')}
      </button>
    ) : null;
  if (!conflict || !diff) return null;
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return (
    <section className="conflict-panel notice-inline notice-problem" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sync.conflictTitle')}</h2>
      <p>{t('sync.conflictText', { who: conflict.updatedBy, revision: conflict.portalRevision })}</p>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => run(props.onTakePortal)}>
          {t('sync.keepPortal')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => run(props.onKeepMine)}>
          {t('sync.keepMine')}
        </button>
      </div>
      <h3>{t('sync.conflictDiff')}</h3>
      <p className="field-hint">{t('sync.combineHint')}</p>
      <DiffView diff={diff} blockActions={adopt} metaActions={adoptMeta} />
    </section>
  );
}

/**
 * "Veröffentlichen" once the release is approved: now, or at a Berlin time, never before the
 * embargo; then its public address.
 */
function PublishControls({ id, embargo, gate, reviewer }: { id: string; embargo: string; gate: () => Finding[]; reviewer: boolean }) {
  const { api } = useBackend();
  const state = useReleaseSyncState(id);
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  const fieldId = useId();
  if (!state) return null;
  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
      setReason('');
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
    }
  }
  // Like submitting: the checks run first; errors stop it unless an approver overrides them.
  const publish = (override?: string) => {
    const errors = gate();
    if (errors.length > 0 && !override) {
      setBlocked(true);
      setProblem(t('check.gateRefused', { count: errors.length, messages: errors.map((finding) => finding.message).join(' ') }));
      return;
    }
    setBlocked(false);
    void run(() => api.sync.publish({ id, at: at ? berlinToInstant(at).toISOString() : null, ...(override ? { override } : {}) }));
  };
  const correction = state.portalStatus === 'approved' && state.publishedRevision !== null;
  const live = state.portalStatus === 'published' || state.portalStatus === 'scheduled';
  const reasonField = (label: string) => (
    <>
      <label htmlFor={`${fieldId}-reason`}>{label}</label>
      <input id={`${fieldId}-reason`} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
    </>
  );
  return (
    <div className="publish-controls">
      {embargo && <p className="embargo-banner">{t('sync.embargo', { embargo: formatBerlinLocal(embargo) })}</p>}
      {correction && (
        <div className="publish-form">
          {reasonField(t('sync.correctReason'))}
          <button type="button" className="primary" disabled={state.pending > 0 || reason.trim().length < 3} onClick={() => void run(() => api.sync.correct({ id, reason }))}>
            {t('sync.correct')}
          </button>
        </div>
      )}
      {live && !reviewer && <p className="field-hint">{t('sync.withdrawApproversOnly')}</p>}
      {live && reviewer && (
        <div className="publish-form">
          {reasonField(t('sync.withdrawReason'))}
          <button type="button" className="danger" disabled={state.pending > 0 || reason.trim().length < 3} onClick={() => void run(() => api.sync.withdraw({ id, reason }))}>
            {t('sync.withdraw')}
          </button>
        </div>
      )}
      {state.portalStatus === 'approved' && !correction && (
        <div className="publish-form">
          <label htmlFor={fieldId}>{t('sync.publishAt')}</label>
          <input id={fieldId} type="datetime-local" value={at} min={embargo || undefined} onChange={(event) => setAt(event.target.value)} />
          <button type="button" className="primary" disabled={state.pending > 0} onClick={() => publish()}>
            {t('sync.publish')}
          </button>
          {state.pending > 0 && <span role="status">{t('sync.publishing')}</span>}
        </div>
      )}
      {problem && (
        <p role="alert" className="notice-inline notice-problem">
          {problem}
        </p>
      )}
      {blocked && reviewer && <OverrideForm action={t('sync.overridePublish')} onConfirm={(reason) => publish(reason)} />}
      {state.url && (state.portalStatus === 'published' || state.portalStatus === 'scheduled') && (
        <p>
          {t('sync.publicAddress')}:{' '}
          <a href={state.url} target="_blank" rel="noreferrer">
            {state.url}
          </a>
        </p>
      )}
    </div>
  );
}

/** Where the insert menu opens: under the toolbar, or at the cursor after "/". */
type MenuPlacement = { at: 'toolbar' } | { at: 'cursor'; top: number; left: number };

type Mode = 'edit' | 'preview' | 'history';

function DraftEditor({ draft, initialNotice, onReplaced }: { draft: Draft; initialNotice: string | null; onReplaced: (draft: Draft, message: string) => void }) {
  const { api } = useBackend();
  const [title, setTitle] = useState(draft.article.meta.title);
  const [embargo, setEmbargo] = useState(draft.article.meta.embargo);
  const [lead, setLead] = useState(draft.article.meta.lead);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  // Why the last save failed, when a person can do something about it.
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const [menu, setMenu] = useState<MenuPlacement | null>(null);
  const [mode, setMode] = useState<Mode>('edit');
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [savingVersion, setSavingVersion] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [overridable, setOverridable] = useState(false);
  const [portalStatus] = usePortalStatus();
  const reviewer = portalStatus?.role === 'approver' || portalStatus?.role === 'admin';
  const [session] = useState(
    () =>
      new DraftSession(api, draft, (copy) => {
        replaceRoute({ screen: 'editor', id: copy.id });
        setNotice(t('editor.conflictCopy', { title: copy.article.meta.title }));
      }),
  );
  const saver = session.autosaver;
  const fieldId = useId();
  const extensions = useMemo(() => [...documentExtensions(), GermanTypography, BlockCommands, CurrentBlock, CheckMarks], []);
  const [findings, setFindings] = useState<Finding[]>([]);

  // Stable options: TipTap re-applies changed options on every render, which would move the caret.
  const editorProps = useMemo<EditorProps>(
    () => ({
      attributes: {
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'article-body portal-article-body',
        lang: 'de',
        spellcheck: 'true',
      },
      handleKeyDown: (view, event) => {
        // "/" at the start of an empty paragraph opens the block menu at the cursor.
        if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
        const block = currentBlock(view.state);
        if (!block || block.node.type.name !== 'paragraph' || block.node.content.size > 0) return false;
        const coords = view.coordsAtPos(view.state.selection.from);
        setMenu({ at: 'cursor', top: coords.bottom + window.scrollY + 4, left: coords.left + window.scrollX });
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = moved ? [] : [...(event.dataTransfer?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
        void dropFiles(api, session, files, setNotice);
        return true;
      },
    }),
    [api, session],
  );

  const editor = useEditor({
    extensions,
    content: draft.article.body,
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps,
    onUpdate: () => session.changed(),
    onBlur: () => void saver.flush(),
  });

  useEffect(() => session.attach(editor), [session, editor]);

  const [bodyFrame, setBodyFrame] = useState<HTMLElement | null>(null);
  const [metaGeneration, setMetaGeneration] = useState(0);
  const onSessionChange = useCallback((listener: () => void) => session.onChange(listener), [session]);

  // The checks run after each pause in typing, never on the keystroke itself.
  const checks = useMemo(() => (editor ? new EditorChecks(editor, () => session.currentMeta) : null), [editor, session]);
  useEffect(() => {
    if (!checks) return;
    const stopFindings = checks.onFindings(setFindings);
    const stopChanges = session.onChange(() => checks.schedule());
    checks.schedule();
    return () => {
      stopFindings();
      stopChanges();
      checks.dispose();
    };
  }, [checks, session]);

  useEffect(() => {
    const stop = saver.onState((state, error) => {
      setSaveState(state);
      // The explanation stays through the retries until a save succeeds.
      if (state === 'failed') setSaveProblem(error instanceof BridgeError && error.code === 'unauthorized' ? t('save.unauthorized') : null);
      if (state === 'saved') setSaveProblem(null);
    });
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    // The window loses focus (the person turns to another program): a revision of the state.
    const onWindowBlur = () => void session.checkpoint('blur');
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges) return;
      // Hold the window until the last change is stored; in Electron the close then proceeds.
      event.preventDefault();
      void saver.flush().then((saved) => saved && window.close());
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('blur', onWindowBlur);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('blur', onWindowBlur);
      session.snapshot();
      // However the screen is left: keep saving until it is stored, then keep a revision.
      session.close();
    };
  }, [session, saver]);

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
    void session.checkpoint('blur');
  }

  function toggleMode(next: Mode) {
    const target = mode === next ? 'edit' : next;
    setPreviewHtml(target === 'preview' ? renderArticle(session.snapshot(), mediaPathResolver) : null);
    setMode(target);
  }

  async function saveVersion(label: string) {
    try {
      if (!(await saver.flush())) throw new Error(t('save.failed'));
      await api.history.saveVersion({ id: session.id, label });
      setNotice(t('history.versionSaved', { label }));
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
  }

  /** The errors of the checks, run now: what is refused or sent is exactly what is in the editor. */
  function gateErrors(): Finding[] {
    checks?.run();
    return (checks?.findings ?? findings).filter((finding) => finding.severity === 'error');
  }

  /** "Zur Freigabe einreichen": refused while the checks report errors (an approver may override); otherwise saved, then queued. */
  async function submitForApproval(override?: string) {
    const errors = gateErrors();
    if (errors.length > 0 && !override) {
      setNotice(t('check.gateRefused', { count: errors.length, messages: errors.map((finding) => finding.message).join(' ') }));
      setOverridable(true);
      return;
    }
    setOverridable(false);
    try {
      if (!(await saver.flush())) throw new Error(t('save.failed'));
      await api.sync.submit({ id: session.id, ...(override ? { override } : {}) });
      const status = await api.portal.status();
      setNotice(status.connected ? t('sync.submitted') : t('sync.needsSignIn'));
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
  }

  async function exportFile() {
    try {
      if (!(await saver.flush())) throw new Error(t('save.failed'));
      const { fileName, content } = await api.drafts.export({ id: session.id });
      downloadText(fileName, content);
      setNotice(t('transfer.exported', { name: fileName }));
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
  }

  function askRestore(revision: RevisionSummary) {
    const date = formatDateTime(revision.createdAt);
    setConfirm({
      title: t('history.restoreTitle'),
      text: t('history.restoreText', { date }),
      confirmLabel: t('history.restore'),
      onConfirm: () => void restore(revision, date),
    });
  }

  async function restore(revision: RevisionSummary, date: string) {
    try {
      if (!(await saver.flush())) throw new Error(t('save.failed'));
      const restored = await api.history.restore({ id: session.id, revision: revision.id, baseVersion: session.version });
      session.retire();
      onReplaced(restored, t('history.restored', { date }));
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
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
    <section className="screen editor-screen" aria-label={title.trim() || t('drafts.untitled')} onBlur={onScreenBlur}>
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
        <button type="button" onClick={() => void exportFile()}>
          {t('transfer.export')}
        </button>
        <button type="button" className="primary" onClick={() => void submitForApproval(undefined)}>
          {t('sync.submit')}
        </button>
        <SyncLine id={session.id} />
        <p role="status" aria-live="polite" data-testid="save-state" className={`save-state save-state-${saveState}`}>
          {t(saveLabels[saveState])}
        </p>
      </header>
      <ConflictPanel
        id={session.id}
        current={() => session.snapshot()}
        editor={editor}
        onChange={onSessionChange}
        onAdoptMeta={adoptMeta}
        onTakePortal={async () => {
          try {
            await saver.flush();
            await api.sync.resolve({ id: session.id, keep: 'portal' });
            const reloaded = await api.drafts.get({ id: session.id });
            session.retire();
            onReplaced(reloaded, t('sync.keptPortal'));
          } catch (caught) {
            setNotice(caught instanceof Error ? caught.message : String(caught));
          }
        }}
        onKeepMine={async () => {
          try {
            if (!(await saver.flush())) throw new Error(t('save.failed'));
            await api.sync.resolve({ id: session.id, keep: 'mine' });
          } catch (caught) {
            setNotice(caught instanceof Error ? caught.message : String(caught));
          }
        }}
      />
      <PublishControls id={session.id} embargo={embargo} gate={gateErrors} reviewer={reviewer} />
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
      {overridable && reviewer && <OverrideForm action={t('sync.overrideSubmit')} onConfirm={(reason) => void submitForApproval(reason)} />}
      {mode === 'history' && <HistoryView articleId={session.id} current={() => session.snapshot()} onRestore={askRestore} />}
      {mode === 'preview' && previewHtml !== null && (
        // The same renderer as publishing; its output is built from escaped, structured data.
        <div className="portal-preview portal" role="region" aria-label={t('preview.label')} dangerouslySetInnerHTML={{ __html: previewHtml }} />
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
              {editor && <EditorCommentMarkers id={session.id} article={draft.article} editor={editor} frame={bodyFrame} />}
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
          <EditorComments id={session.id} article={draft.article} onShow={(blockId) => checks?.show(blockId)} />
          {/* Last in the side panel: its length changes as findings come and go, and nothing below it may jump. */}
          {checks && <CheckPanel findings={findings} onShow={(blockId) => checks.show(blockId)} onFix={(finding) => checks.fix(finding)} />}
        </aside>
      </div>
      <SaveVersionDialog open={savingVersion} onSave={(label) => void saveVersion(label)} onClose={() => setSavingVersion(false)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      {editor && menu?.at === 'cursor' && (
        <div className="block-menu-floating" style={{ top: menu.top, left: menu.left }}>
          <BlockMenu onPick={(name) => pick(editor, name)} onClose={closeMenu} />
        </div>
      )}
    </section>
  );
}
