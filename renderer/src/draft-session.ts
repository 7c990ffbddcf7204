import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article, ArticleMeta } from '../../common/article.js';
import { blockChanges } from '../../common/block-changes.js';
import type { Draft, RevisionSummary, SaveResult } from '../../common/contract.js';
import type { OpenedDraft, OpeningBody } from './opened-draft.js';
import { Autosaver } from './autosave.js';
import { isUntouched } from './create-draft.js';
import { BridgeError, type Api } from './bridge.js';
import { blockJson, documentJson, topLevelBlocks } from '../../common/document-json.js';

/** A pause this long in writing leaves a revision in the history. */
export const REVISION_PAUSE_MS = 20_000;

type CheckpointReason = 'pause' | 'blur' | 'close' | 'submit';

/**
 * One open press release: what is being edited, where it is saved to, and the autosaver.
 * Lives outside React so typing never waits for it and nothing is lost on re-render.
 */
export class DraftSession {
  readonly autosaver: Autosaver;
  private target: { id: string; version: number };
  private readonly meta: ArticleMeta;
  private editor_: Editor | null = null;
  /** The article but its body: the body is the editor's document (or, until there is one, the opened body). */
  private readonly head: Omit<Article, 'body'>;
  /** The body as opened, until the editor's document exists (then let go). */
  private readonly opening: OpeningBody;
  /** The version the release was opened at. */
  private readonly openedVersion: number;
  /** The top-level blocks of the editor's document, as last taken. */
  private lastBlocks: ProseMirrorNode[] | null = null;
  /** What this window's last save stored: its version and blocks, the base of the next save's changes. */
  private sent: { version: number; blocks: readonly ProseMirrorNode[] } | null = null;
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private retired = false;
  /** A new release ("Neue Pressemitteilung") is stored by its first save, not before. */
  private stored: boolean;
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly api: Api,
    draft: OpenedDraft,
    /** Called when someone else saved first and our text became a draft of its own. */
    private readonly onConflictCopy: (copy: Draft) => void,
    /** Called when a new release was stored for the first time. */
    private readonly onStored: () => void = () => undefined,
  ) {
    this.stored = draft.version > 0;
    this.target = { id: draft.id, version: draft.version };
    this.meta = { ...draft.article.meta };
    this.head = draft.article;
    this.opening = draft.openingBody;
    this.openedVersion = draft.version;
    this.autosaver = new Autosaver(() => this.save());
  }

  get id(): string {
    return this.target.id;
  }

  /** Called after every change of text or metadata (cheap listeners only: this is the typing path). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The metadata as edited so far (for the checks). */
  get currentMeta(): ArticleMeta {
    return this.meta;
  }

  /** The stored version this window's next save builds on. */
  get version(): number {
    return this.target.version;
  }

  /** Marks the content as changed: saved soon, and a revision written after a pause. */
  changed(): void {
    if (this.retired) return;
    this.autosaver.change();
    for (const listener of this.changeListeners) listener();
    if (this.pauseTimer !== null) clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = null;
      void this.checkpoint('pause');
    }, REVISION_PAUSE_MS);
  }

  /**
   * Saves what is unsaved, then asks for a revision of it (main writes none if the content
   * equals the newest revision). A failed checkpoint is not a lost text: the save stands, and
   * main catches revisions up at its next start.
   */
  async checkpoint(reason: CheckpointReason): Promise<RevisionSummary | null> {
    if (this.retired || !(await this.autosaver.flush()) || !this.stored) return null;
    try {
      return await this.api.history.checkpoint({ id: this.target.id, reason });
    } catch (error) {
      console.warn('checkpoint failed', error);
      return null;
    }
  }

  /** The release was replaced as a whole (a restore): this session saves nothing more. */
  retire(): void {
    this.retired = true;
    if (this.pauseTimer !== null) clearTimeout(this.pauseTimer);
    this.autosaver.dispose();
  }

  /**
   * Leaving the release: save (retrying until it is stored, however long that takes), then keep
   * the state as a revision.
   */
  close(): void {
    if (this.pauseTimer !== null) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    if (this.retired) return;
    void this.autosaver.flush().then(async (saved) => {
      if (!saved) return;
      await this.checkpoint('close');
      this.autosaver.dispose();
    });
  }

  /** The editor showing this draft, once it exists. */
  get editor(): Editor | null {
    return this.editor_;
  }

  /**
   * What an editor being made for this release starts with: the body as opened, and for an editor
   * made anew later (TipTap re-creates one it destroyed while its screen stayed), the text of the
   * one before, never nothing.
   */
  contentForEditor(): Article['body'] {
    const blocks = this.editor_ ? topLevelBlocks(this.editor_.state.doc) : this.lastBlocks;
    return blocks ? documentJson(blocks) : this.opening.json;
  }

  /** Takes the editor's blocks as the text, without converting them (for when the editor goes away). */
  takeBlocks(): void {
    const editor = this.editor_;
    if (editor && !editor.isDestroyed) this.lastBlocks = topLevelBlocks(editor.state.doc);
  }

  attach(editor: Editor | null): void {
    this.editor_ = editor;
    if (!editor) return;
    // The editor's document is the text from now on; the JSON it was made from goes.
    this.lastBlocks = topLevelBlocks(editor.state.doc);
    this.opening.letGo();
    editor.options.content = null;
    // Opened from the stored version (stored complete, so opening changed nothing): the first
    // save can already send only what changed.
    if (this.stored && !this.sent && this.target.version === this.openedVersion) {
      this.sent = { version: this.target.version, blocks: this.lastBlocks };
    }
  }

  setMeta<K extends keyof ArticleMeta>(field: K, value: ArticleMeta[K]): void {
    this.meta[field] = value;
    this.changed();
  }

  /** The article as it stands; taken when a save runs, never per keystroke. */
  snapshot(): Article {
    this.takeBlocks();
    // Blocks stay valid after the editor is gone: the last ones taken are the text.
    return { ...this.head, meta: { ...this.meta }, body: this.lastBlocks ? documentJson(this.lastBlocks) : this.opening.json };
  }

  /**
   * Sends only the blocks changed since this window's last save, when that save is still the
   * stored version; null when the whole article has to go (someone else saved, the store
   * cannot rebuild it). Nothing but the changed blocks is converted to JSON.
   */
  private async saveChanges(blocks: readonly ProseMirrorNode[]): Promise<SaveResult | null> {
    const sent = this.sent;
    if (!sent || sent.version !== this.target.version) return null;
    const { format, formatVersion } = this.head;
    const head = { format, formatVersion, meta: { ...this.meta } };
    try {
      const result = await this.api.drafts.saveChanges({ id: this.target.id, baseVersion: sent.version, head, blocks: blockChanges(sent.blocks, blocks, blockJson) });
      return result.status === 'stale' ? null : result;
    } catch (error) {
      // Refused as sent: the whole article decides (and names the problem if it is one).
      if (error instanceof BridgeError && error.code === 'invalid_input') return null;
      throw error;
    }
  }

  private async save(): Promise<void> {
    if (!this.stored) {
      const article = this.snapshot();
      if (isUntouched(article)) return;
      const created = await this.api.drafts.create({ id: this.target.id, article });
      this.stored = true;
      this.target.version = created.version;
      this.onStored();
      return;
    }
    const editor = this.editor_;
    let blocks = editor && !editor.isDestroyed ? topLevelBlocks(editor.state.doc) : null;
    let result = blocks ? await this.saveChanges(blocks) : null;
    if (result) {
      this.lastBlocks = blocks;
    } else {
      const article = this.snapshot();
      blocks = this.lastBlocks;
      result = await this.api.drafts.save({ id: this.target.id, baseVersion: this.target.version, article });
    }
    if (result.status === 'saved') {
      this.target.version = result.version;
      this.sent = blocks ? { version: result.version, blocks } : null;
      return;
    }
    this.sent = null;
    this.target = { id: result.copy.id, version: result.copy.version };
    this.onConflictCopy(result.copy);
  }
}
