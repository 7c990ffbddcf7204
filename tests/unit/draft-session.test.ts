// @vitest-environment happy-dom
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { completeArticle } from '../../common/blocks/block-ids.js';
import { documentExtensions } from '../../common/blocks/catalog.js';
import type { Draft } from '../../common/contract.js';
import type { Api } from '../../renderer/src/bridge.js';
import { DraftSession } from '../../renderer/src/draft-session.js';
import { openedDraft } from '../../renderer/src/opened-draft.js';
import { largeRelease } from '../fixtures/large-release.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The saves a session sends, answered as the store would. */
function recordingApi() {
  const saved: Array<{ method: string; input: unknown }> = [];
  const api = {
    drafts: {
      saveChanges: async (input: { baseVersion: number }) => (saved.push({ method: 'saveChanges', input }), { status: 'saved', version: input.baseVersion + 1 }),
      save: async (input: { baseVersion: number }) => (saved.push({ method: 'save', input }), { status: 'saved', version: input.baseVersion + 1 }),
    },
    history: { checkpoint: async () => null },
  } as unknown as Api;
  return { api, saved };
}

/** A stored release, made in a scope of its own so that only the opened draft leads to its body. */
function storedRelease(blocks: number): { draft: ReturnType<typeof openedDraft>; body: Array<WeakRef<object>>; count: number } {
  const article = completeArticle({ ...emptyArticle(), body: largeRelease(blocks).body });
  const stored: Draft = { id: 'r1', version: 3, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', deletedAt: null, article };
  const body = [article.body, article.body.content, article.body.content[0]!, article.body.content.at(-1)!].map((part) => new WeakRef(part));
  return { draft: openedDraft(stored), body, count: article.body.content.length };
}

/** An editor made for the session as the app makes it (renderer/src/editor/use-body-editor.ts). */
function openEditor(session: DraftSession): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: documentExtensions(),
    onBeforeCreate: ({ editor: created }) => void (created.options.content = session.contentForEditor()),
  });
  session.attach(editor);
  return editor;
}

/** A stored release of `blocks` blocks, opened in an editor, with `text` typed into its first block. */
function openedAndTyped(blocks: number, text: string) {
  const { draft } = storedRelease(blocks);
  const { api, saved } = recordingApi();
  const session = new DraftSession(api, draft, () => undefined);
  const editor = openEditor(session);
  editor.commands.insertContentAt(2, text);
  session.changed();
  return { session, editor, saved };
}

describe('an opened release', () => {
  it('is held once: the JSON it was read as goes once the editor has made its document', async () => {
    const { draft, body, count } = storedRelease(200);
    const { api } = recordingApi();
    const session = new DraftSession(api, draft, () => undefined);
    const editor = openEditor(session);
    expect(editor.state.doc.childCount).toBe(count);
    expect(editor.options.content).toBeNull();
    expect(() => draft.openingBody.json).toThrow();
    // A WeakRef keeps its target through the job that made it; the next task may collect it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(body.map((part) => part.deref())).toEqual([undefined, undefined, undefined, undefined]);
    editor.destroy();
  });

  it('still saves only the changed block, and the whole text once the editor is gone', async () => {
    const { session, editor, saved } = openedAndTyped(50, 'Neu ');
    expect(await session.autosaver.flush()).toBe(true);
    expect(saved.map((entry) => entry.method)).toEqual(['saveChanges']);
    const { blocks } = saved[0]!.input as { blocks: unknown[] };
    expect(blocks.filter((entry) => !(entry && typeof entry === 'object' && 'keep' in entry))).toHaveLength(1);

    const text = JSON.stringify(editor.getJSON());
    editor.destroy();
    expect(JSON.stringify(session.snapshot().body)).toBe(text);
    session.retire();
  });

  it('gives an editor made anew the text of the one before, never an empty release', async () => {
    const { session, editor: first, saved } = openedAndTyped(20, 'Getippt ');
    const text = JSON.stringify(first.getJSON());
    first.destroy();
    const second = openEditor(session);
    expect(JSON.stringify(second.getJSON())).toBe(text);
    expect(await session.autosaver.flush()).toBe(true);
    const last = saved.at(-1)!.input as { blocks?: unknown[]; article?: Article };
    expect(last.blocks?.length ?? last.article?.body.content.length).toBe(second.state.doc.childCount);
    second.destroy();
    session.retire();
  });
});
