import { Extension, type AnyExtension, type Node as TiptapNode, type NodeViewRenderer } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { DOMSerializer } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Selection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from '@tiptap/pm/view';
import { blockCatalog } from '../../../common/blocks/catalog.js';

/**
 * Long releases render the structured blocks far from the view as one light element each.
 *
 * A table, gallery or accordion is 6–19 DOM nodes and as many ProseMirror view objects; at
 * thousands of blocks building them is much of the open, and they are most of the page's DOM
 * (bench/RESULTS.md). From OFFSCREEN_FROM_BLOCKS top-level blocks on, such a block is drawn in
 * full only while it is near the view (within a viewport above or below) or holds an end of the
 * selection; which blocks are near is measured again after every scroll, resize and change.
 * Elsewhere it is a placeholder: one element with the block's text (so find-in-page and the
 * scroll length stay about right) and the height it last had on screen. The document itself is
 * untouched: this is drawing only, and editing, saving, undo and checks see every block.
 *
 * Paragraphs, headings and lists are always drawn: the first two cost no more than their
 * placeholder would, and lists come from StarterKit, not from a block of the catalog.
 */
export const OFFSCREEN_FROM_BLOCKS = 200;

/** Blocks drawn within this many viewport heights of the view; kept drawn up to the second. */
const DRAW_WITHIN = 1;
const KEEP_WITHIN = 3;
/** Blocks drawn at open, before the first frame says which are in view. */
const DRAWN_AT_OPEN = 24;

const SHOWN = { offscreenBlocks: 'shown' };
const key = new PluginKey<OffscreenState>('offscreenBlocks');

interface OffscreenState {
  readonly active: boolean;
  readonly decorations: DecorationSet;
  /** Ids of the blocks drawn in full (may hold ids of deleted blocks until the next rebuild). */
  readonly shown: ReadonlySet<string>;
}

/** The node types drawn as placeholders off screen: the catalog's structured top-level blocks. */
const structuredTypes = new Set(
  blockCatalog.filter((block) => block.extensions.some((extension) => extension.type === 'node' && extension.name === block.name) && block.name !== 'heading').map((block) => block.name),
);

/** The top-level elements made here, with their block's id and whether they are placeholders. */
const madeHere = new WeakMap<Element, { id: string; placeholder: boolean }>();
/** Per editor: each block's last height on screen, by block id. */
const heights = new WeakMap<EditorView, Map<string, number>>();

function isShown(decorations: readonly Decoration[]): boolean {
  return decorations.some((decoration) => (decoration.spec as typeof SHOWN).offscreenBlocks === 'shown');
}

function active(view: EditorView): boolean {
  return key.getState(view.state)?.active ?? view.state.doc.childCount >= OFFSCREEN_FROM_BLOCKS;
}

function fullView(node: PmNode): NodeView & { dom: HTMLElement } {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node));
  if (typeof node.attrs.id === 'string') madeHere.set(dom as Element, { id: node.attrs.id, placeholder: false });
  let current = node;
  return {
    dom: dom as HTMLElement,
    contentDOM: contentDOM as HTMLElement | undefined,
    update: (next, decorations) => {
      if (!next.sameMarkup(current) || !isShown(decorations)) return false;
      current = next;
      return true;
    },
  };
}

function placeholderView(view: EditorView, node: PmNode): NodeView {
  const dom = document.createElement('div');
  dom.className = 'offscreen-block';
  const text = () => node.textBetween(0, node.content.size, ' ', ' ');
  dom.textContent = text();
  const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
  if (id) {
    dom.dataset.id = id;
    madeHere.set(dom, { id, placeholder: true });
  }
  const height = heights.get(view)?.get(id);
  if (height) dom.style.height = `${height}px`;
  return {
    dom,
    update: (next, decorations) => {
      if (next.type !== node.type || next.attrs.id !== node.attrs.id || isShown(decorations)) return false;
      node = next;
      const value = text();
      if (dom.textContent !== value) dom.textContent = value;
      return true;
    },
  };
}

/** The node view of a structured block: in full or as a placeholder, as the plugin decides. */
const offscreenNodeView: NodeViewRenderer = ({ node, view, decorations }) =>
  !active(view) || isShown(decorations) ? fullView(node) : placeholderView(view, node);

/** The catalog's extensions with the structured blocks drawn through offscreenNodeView. */
export function withOffscreenBlocks(extensions: readonly AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) =>
    extension.type === 'node' && structuredTypes.has(extension.name) ? (extension as TiptapNode).extend({ addNodeView: () => offscreenNodeView }) : extension,
  );
}

/** The top-level block holding a selection end, if structured: its position and node. */
function structuredAround($pos: Selection['$head']): { pos: number; node: PmNode } | null {
  const node = $pos.depth === 0 ? $pos.nodeAfter : $pos.node(1);
  if (!node || !structuredTypes.has(node.type.name)) return null;
  return { pos: $pos.depth === 0 ? $pos.pos : $pos.before(1), node };
}

function selectionIds(selection: Selection): string[] {
  return [selection.$anchor, selection.$head].flatMap(($pos) => {
    const id = structuredAround($pos)?.node.attrs.id;
    return typeof id === 'string' ? [id] : [];
  });
}

/** The state with the selection's blocks drawn in full: the caret must land in real content. */
function withSelection(value: OffscreenState, state: { doc: PmNode; selection: Selection }): OffscreenState {
  let { decorations, shown } = value;
  for (const $pos of [state.selection.$anchor, state.selection.$head]) {
    const block = structuredAround($pos);
    // find() also answers the neighbours' decorations that touch the block's ends.
    if (!block || decorations.find(block.pos, block.pos + block.node.nodeSize, (spec) => spec === SHOWN).some((drawnBlock) => drawnBlock.from === block.pos)) continue;
    decorations = decorations.add(state.doc, [Decoration.node(block.pos, block.pos + block.node.nodeSize, {}, SHOWN)]);
    if (typeof block.node.attrs.id === 'string') shown = new Set(shown).add(block.node.attrs.id);
  }
  return decorations === value.decorations ? value : { ...value, decorations, shown };
}

/** Decorations drawing exactly the blocks with these ids. */
function drawn(doc: PmNode, ids: ReadonlySet<string>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    if (structuredTypes.has(node.type.name) && ids.has(node.attrs.id as string)) decorations.push(Decoration.node(offset, offset + node.nodeSize, {}, SHOWN));
  });
  return DecorationSet.create(doc, decorations);
}

/** Binary search: the first child whose bottom is below `y` (window coordinates). */
function firstBelow(children: HTMLCollection, y: number): number {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (children[middle]!.getBoundingClientRect().bottom < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The blocks that should be drawn now, from the layout: those within DRAW_WITHIN viewports, those
 * drawn already and within KEEP_WITHIN (so heights that change as blocks are drawn cannot make
 * them flip), and the selection's. Remembers the heights of the drawn blocks it passes.
 */
function wanted(view: EditorView, shown: ReadonlySet<string>): Set<string> {
  const children = view.dom.children;
  const viewport = window.innerHeight;
  const remembered = heights.get(view) ?? new Map<string, number>();
  heights.set(view, remembered);
  const ids = new Set(selectionIds(view.state.selection));
  for (let index = firstBelow(children, -KEEP_WITHIN * viewport); index < children.length; index++) {
    const element = children[index]!;
    const rect = element.getBoundingClientRect();
    if (rect.top > (1 + KEEP_WITHIN) * viewport) break;
    const block = madeHere.get(element);
    if (!block) continue;
    const near = rect.bottom >= -DRAW_WITHIN * viewport && rect.top <= (1 + DRAW_WITHIN) * viewport;
    if (!block.placeholder) remembered.set(block.id, rect.height);
    if (near || (shown.has(block.id) && !block.placeholder)) ids.add(block.id);
  }
  return ids;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/** Draws the blocks near the view: measured in the next frame after a scroll, a resize or a change. */
function followTheView(editorView: EditorView) {
  if (!key.getState(editorView.state)?.active) return {};
  let frame = 0;
  const measure = () => {
    frame = 0;
    const value = key.getState(editorView.state);
    if (!value || editorView.isDestroyed) return;
    const ids = wanted(editorView, value.shown);
    if (!sameSet(ids, value.shown)) editorView.dispatch(editorView.state.tr.setMeta(key, ids).setMeta('addToHistory', false));
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(measure);
  };
  window.addEventListener('scroll', schedule, { capture: true, passive: true });
  window.addEventListener('resize', schedule);
  schedule();
  return {
    // A change can bring new blocks into view (a paste, a block moved); a block drawn in full changes the layout.
    update: (view: EditorView, previous: EditorState) => {
      if (view.state.doc !== previous.doc || key.getState(view.state) !== key.getState(previous)) schedule();
    },
    destroy: () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    },
  };
}

/** The plugin deciding which structured blocks are drawn in full (exported for its unit test). */
export function offscreenBlocksPlugin(): Plugin<OffscreenState> {
  return new Plugin<OffscreenState>({
    key,
    state: {
      init: (_, state: EditorState) => {
        if (state.doc.childCount < OFFSCREEN_FROM_BLOCKS) return { active: false, decorations: DecorationSet.empty, shown: new Set() };
        const first = new Set<string>();
        for (let index = 0; index < Math.min(DRAWN_AT_OPEN, state.doc.childCount); index++) {
          const node = state.doc.child(index);
          if (structuredTypes.has(node.type.name) && typeof node.attrs.id === 'string') first.add(node.attrs.id);
        }
        return withSelection({ active: true, decorations: drawn(state.doc, first), shown: first }, state);
      },
      apply: (tr, value) => {
        if (!value.active) return value;
        const ids = tr.getMeta(key) as ReadonlySet<string> | undefined;
        if (ids) return withSelection({ active: true, decorations: drawn(tr.doc, ids), shown: ids }, tr);
        if (!tr.docChanged && !tr.selectionSet) return value;
        return withSelection({ ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }, tr);
      },
    },
    props: { decorations: (state) => key.getState(state)?.decorations },
    view: followTheView,
  });
}

export const OffscreenBlocks = Extension.create({
  name: 'offscreenBlocks',
  addProseMirrorPlugins: () => [offscreenBlocksPlugin()],
});
