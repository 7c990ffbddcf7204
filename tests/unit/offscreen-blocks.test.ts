import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../common/blocks/catalog.js';
import { OFFSCREEN_FROM_BLOCKS, offscreenBlocksPlugin } from '../../renderer/src/editor/offscreen-blocks.js';
import { largeRelease } from '../fixtures/large-release.js';

// largeRelease cycles through 15 block kinds: bench-(15n+3) is a quote, bench-(15n+4) the table after it.
const plugin = offscreenBlocksPlugin();

function open(blocks: number): EditorState {
  return EditorState.create({ doc: documentSchema().nodeFromJSON(largeRelease(blocks).body), plugins: [plugin] });
}

/** The ids of the blocks drawn in full. */
function drawn(state: EditorState): string[] {
  return (plugin.getState(state)?.decorations.find() ?? []).map((decoration) => String(state.doc.nodeAt(decoration.from)?.attrs.id));
}

function positionOf(state: EditorState, id: string): number {
  let found = -1;
  state.doc.forEach((node, offset) => {
    if (node.attrs.id === id) found = offset;
  });
  if (found < 0) throw new Error(`no block ${id}`);
  return found;
}

/** The caret into the block with this id, as a click, "Zum Baustein" or undo puts it there. */
function caretInto(state: EditorState, id: string): Transaction {
  return state.tr.setSelection(TextSelection.near(state.doc.resolve(positionOf(state, id) + 1)));
}

/** What the view does after measuring: these blocks are near the view. */
function near(state: EditorState, ids: string[]): Transaction {
  return state.tr.setMeta(plugin, new Set(ids));
}

describe('structured blocks far from the view in a long release', () => {
  it('are all drawn in a release shorter than the threshold', () => {
    const state = open(OFFSCREEN_FROM_BLOCKS - 1);
    expect(plugin.getState(state)?.active).toBe(false);
    expect(drawn(state)).toEqual([]);
  });

  it('are drawn at open only among the first blocks, structured ones only, and the last block', () => {
    expect(drawn(open(300))).toEqual(['bench-3', 'bench-4', 'bench-5', 'bench-6', 'bench-7', 'bench-8', 'bench-9', 'bench-10', 'bench-11', 'bench-12', 'bench-13', 'bench-14', 'bench-18', 'bench-19', 'bench-20', 'bench-21', 'bench-22', 'bench-23', 'bench-299']);
  });

  it('follow the view: what the view measured replaces what was drawn', () => {
    const opened = open(300);
    const state = opened.apply(near(opened, ['bench-153', 'bench-154']));
    // The last block stays drawn for Ctrl+End (the first, a paragraph, is always drawn).
    expect(drawn(state)).toEqual(['bench-153', 'bench-154', 'bench-299']);
  });

  it('are drawn within the transaction that puts the caret into them, with their neighbours, also next to a block drawn already', () => {
    let state = open(300);
    state = state.apply(near(state, ['bench-213']));
    // bench-214 (a table) starts where the drawn quote bench-213 ends; bench-215 follows it.
    state = state.apply(caretInto(state, 'bench-214'));
    expect(drawn(state)).toEqual(['bench-213', 'bench-214', 'bench-215', 'bench-299']);
    // The view measures again: the caret's block and its neighbours stay drawn however far they are.
    state = state.apply(near(state, ['bench-3']));
    expect(drawn(state)).toEqual(['bench-3', 'bench-213', 'bench-214', 'bench-215', 'bench-299']);
  });

  it('are left to the view when a change replaces a drawn block away from the caret', () => {
    let state = open(300);
    state = state.apply(near(state, ['bench-153', 'bench-154']));
    // As a fix from "Prüfung" does: new attributes for the block, the node replaced at its start.
    const table = positionOf(state, 'bench-154');
    state = state.apply(state.tr.setNodeMarkup(table, undefined, { ...state.doc.nodeAt(table)!.attrs, caption: 'Neu' }));
    // No longer counted as drawn, so the view's next measure draws it again if it is near.
    expect(drawn(state)).toEqual(['bench-153', 'bench-299']);
  });

  it('stay the same blocks while text is typed before them', () => {
    let state = open(300);
    state = state.apply(near(state, ['bench-153', 'bench-154']));
    state = state.apply(state.tr.insertText('Neu ', positionOf(state, 'bench-0') + 1));
    expect(drawn(state)).toEqual(['bench-153', 'bench-154', 'bench-299']);
  });
});
