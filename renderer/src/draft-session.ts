import type { Editor } from '@tiptap/core';
import type { Article, ArticleMeta } from '../../common/article.js';
import type { Draft } from '../../common/contract.js';
import { Autosaver } from './autosave.js';
import type { Api } from './bridge.js';

/**
 * One open press release: what is being edited, where it is saved to, and the autosaver.
 * Lives outside React so typing never waits for it and nothing is lost on re-render.
 */
export class DraftSession {
  readonly autosaver: Autosaver;
  private target: { id: string; version: number };
  private readonly meta: ArticleMeta;
  private editor_: Editor | null = null;
  private lastArticle: Article;

  constructor(
    private readonly api: Api,
    private readonly draft: Draft,
    /** Called when someone else saved first and our text became a draft of its own. */
    private readonly onConflictCopy: (copy: Draft) => void,
  ) {
    this.target = { id: draft.id, version: draft.version };
    this.meta = { ...draft.article.meta };
    this.lastArticle = draft.article;
    this.autosaver = new Autosaver(() => this.save());
  }

  get id(): string {
    return this.target.id;
  }

  /** The editor showing this draft, once it exists. */
  get editor(): Editor | null {
    return this.editor_;
  }

  attach(editor: Editor | null): void {
    this.editor_ = editor;
  }

  setMeta<K extends keyof ArticleMeta>(field: K, value: ArticleMeta[K]): void {
    this.meta[field] = value;
    this.autosaver.change();
  }

  /** The article as it stands; taken when a save runs, never per keystroke. */
  snapshot(): Article {
    const editor = this.editor_;
    if (editor && !editor.isDestroyed) {
      this.lastArticle = { ...this.draft.article, meta: { ...this.meta }, body: editor.getJSON() as Article['body'] };
    } else {
      this.lastArticle = { ...this.lastArticle, meta: { ...this.meta } };
    }
    return this.lastArticle;
  }

  private async save(): Promise<void> {
    const article = this.snapshot();
    const result = await this.api.drafts.save({ id: this.target.id, baseVersion: this.target.version, article });
    if (result.status === 'saved') {
      this.target.version = result.version;
      return;
    }
    this.target = { id: result.copy.id, version: result.copy.version };
    this.onConflictCopy(result.copy);
  }
}
