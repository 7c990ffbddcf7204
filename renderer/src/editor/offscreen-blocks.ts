import { Extension, type AnyExtension, type Node as TiptapNode, type NodeViewRenderer, type NodeViewRendererProps } from '@tiptap/core';
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
 * full only while it is near the view (within a viewport above or below), holds an end of the
 * selection or is next to the block that does; the first and the last block are always drawn.
 * (The browser moves the caret itself for arrow keys and Ctrl+Home/End, and it cannot enter a
 * placeholder.) Which blocks are near is measured again after every scroll, resize and change.
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

const key = new PluginKey<OffscreenState>('offscreenBlocks');

interface OffscreenState {
  readonly active: boolean;
  /** A node decoration on each structured block drawn in full; its spec holds the block's id. */
  readonly decorations: DecorationSet;
}

interface DrawnSpec {
  offscreenBlocks: 'drawn';
  id: unknown;
}

/** The node types drawn as placeholders off screen: the catalog's structured top-level blocks. */
const structuredTypes = new Set(
  blockCatalog.filter((block) => block.extensions.some((extension) => extension.type === 'node' && extension.name === block.name) && block.name !== 'heading').map((block) => block.name),
);

/** The top-level elements made here, and their views. */
const madeHere = new WeakMap<Element, FullView | PlaceholderView>();
/** Per editor: each block's last height on screen, by block id. */
const heights = new WeakMap<EditorView, Map<string, number>>();

function drawnDecoration(pos: number, node: PmNode): Decoration {
  return Decoration.node(pos, pos + node.nodeSize, {}, { offscreenBlocks: 'drawn', id: node.attrs.id } satisfies DrawnSpec);
}

function isDrawn(spec: unknown): boolean {
  return (spec as Partial<DrawnSpec> | undefined)?.offscreenBlocks === 'drawn';
}

/** The ids of the blocks drawn in full now. */
function drawnIds(value: OffscreenState): Set<string> {
  return new Set(value.decorations.find(undefined, undefined, isDrawn).flatMap((decoration) => (typeof decoration.spec.id === 'string' ? [decoration.spec.id] : [])));
}

function idOf(node: PmNode): string {
  return typeof node.attrs.id === 'string' ? node.attrs.id : '';
}

// The node views are classes, not objects of closures: a long release has thousands of them.

/** A structured block drawn in full, as its node type draws it. */
class FullView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement | undefined;

  constructor(private node: PmNode) {
    const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node));
    this.dom = dom as HTMLElement;
    this.contentDOM = contentDOM as HTMLElement | undefined;
    if (idOf(node)) madeHere.set(this.dom, this);
  }

  get id(): string {
    return idOf(this.node);
  }

  update(next: PmNode, decorations: readonly Decoration[]): boolean {
    if (!next.sameMarkup(this.node) || !decorations.some((decoration) => isDrawn(decoration.spec))) return false;
    this.node = next;
    return true;
  }
}

/** A structured block far from the view: one element with its text and its last height on screen. */
class PlaceholderView implements NodeView {
  readonly dom = document.createElement('div');

  constructor(
    view: EditorView,
    private node: PmNode,
  ) {
    this.dom.className = 'offscreen-block';
    this.dom.textContent = this.text();
    const id = idOf(node);
    if (id) {
      this.dom.dataset.id = id;
      madeHere.set(this.dom, this);
    }
    const height = heights.get(view)?.get(id);
    if (height) this.dom.style.height = `${height}px`;
  }

  get id(): string {
    return idOf(this.node);
  }

  update(next: PmNode, decorations: readonly Decoration[]): boolean {
    if (next.type !== this.node.type || next.attrs.id !== this.node.attrs.id || decorations.some((decoration) => isDrawn(decoration.spec))) return false;
    this.node = next;
    const value = this.text();
    if (this.dom.textContent !== value) this.dom.textContent = value;
    return true;
  }

  private text(): string {
    return this.node.textBetween(0, this.node.content.size, ' ', ' ');
  }
}

/**
 * The node view of a structured block: in full or as a placeholder, as the plugin decides. In a
 * release shorter than OFFSCREEN_FROM_BLOCKS none (null): ProseMirror draws the block itself.
 */
function offscreenNodeView({ node, view, decorations }: NodeViewRendererProps): NodeView | null {
  const value = key.getState(view.state);
  // Without the plugin's state yet (TipTap draws once before it adds the plugins): by the length.
  if (!(value?.active ?? view.state.doc.childCount >= OFFSCREEN_FROM_BLOCKS)) return null;
  return decorations.some((decoration) => isDrawn(decoration.spec)) ? new FullView(node) : new PlaceholderView(view, node);
}

/** The catalog's extensions with the structured blocks drawn through offscreenNodeView. */
export function withOffscreenBlocks(extensions: readonly AnyExtension[]): AnyExtension[] {
  // TipTap's type has no null, ProseMirror takes it: the node type's own drawing.
  const nodeView = offscreenNodeView as NodeViewRenderer;
  return extensions.map((extension) => (extension.type === 'node' && structuredTypes.has(extension.name) ? (extension as TiptapNode).extend({ addNodeView: () => nodeView }) : extension));
}

/**
 * The structured blocks drawn whatever the view shows: those holding an end of the selection and
 * their neighbours (the browser's caret moves cannot enter a placeholder), the first and the last.
 */
function mustDraw(doc: PmNode, selection: Selection): { pos: number; node: PmNode }[] {
  const blocks: { pos: number; node: PmNode }[] = [];
  const add = (pos: number, node: PmNode | null) => {
    if (node && structuredTypes.has(node.type.name)) blocks.push({ pos, node });
  };
  for (const $pos of [selection.$anchor, selection.$head]) {
    const index = $pos.index(0);
    const start = $pos.depth === 0 ? $pos.pos : $pos.before(1);
    const node = doc.maybeChild(index);
    const before = index > 0 ? doc.child(index - 1) : null;
    add(start, node);
    if (before) add(start - before.nodeSize, before);
    if (node && index + 1 < doc.childCount) add(start + node.nodeSize, doc.child(index + 1));
  }
  add(0, doc.firstChild);
  if (doc.lastChild) add(doc.content.size - doc.lastChild.nodeSize, doc.lastChild);
  return blocks;
}

/** The state with mustDraw's blocks drawn, within the transaction: the caret must land in real content. */
function withMustDraw(value: OffscreenState, state: { doc: PmNode; selection: Selection }): OffscreenState {
  let { decorations } = value;
  for (const block of mustDraw(state.doc, state.selection)) {
    // find() also answers the neighbours' decorations that touch the block's ends.
    if (decorations.find(block.pos, block.pos + block.node.nodeSize, isDrawn).some((drawn) => drawn.from === block.pos)) continue;
    decorations = decorations.add(state.doc, [drawnDecoration(block.pos, block.node)]);
  }
  return decorations === value.decorations ? value : { ...value, decorations };
}

/** Decorations drawing exactly the blocks with these ids. */
function drawnOnly(doc: PmNode, ids: ReadonlySet<string>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    if (structuredTypes.has(node.type.name) && ids.has(node.attrs.id as string)) decorations.push(drawnDecoration(offset, node));
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
 * them flip), and mustDraw's. Remembers the heights of the drawn blocks it passes.
 */
function wanted(view: EditorView, drawn: ReadonlySet<string>): Set<string> {
  const children = view.dom.children;
  const viewport = window.innerHeight;
  const remembered = heights.get(view) ?? new Map<string, number>();
  heights.set(view, remembered);
  const ids = new Set(mustDraw(view.state.doc, view.state.selection).flatMap((block) => (typeof block.node.attrs.id === 'string' ? [block.node.attrs.id] : [])));
  for (let index = firstBelow(children, -KEEP_WITHIN * viewport); index < children.length; index++) {
    const element = children[index]!;
    const rect = element.getBoundingClientRect();
    if (rect.top > (1 + KEEP_WITHIN) * viewport) break;
    const block = madeHere.get(element);
    if (!block) continue;
    const { id } = block;
    const full = block instanceof FullView;
    const near = rect.bottom >= -DRAW_WITHIN * viewport && rect.top <= (1 + DRAW_WITHIN) * viewport;
    if (full && rect.height > 0) remembered.set(id, rect.height);
    if (near || (drawn.has(id) && full)) ids.add(id);
  }
  return ids;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/**
 * Draws the blocks near the view: measured in the next frame after a scroll, a resize, a change,
 * or the editor being shown again. Not while it is hidden (the preview, "Verlauf"): every block
 * would seem near.
 */
function followTheView(editorView: EditorView) {
  if (!key.getState(editorView.state)?.active) return {};
  let frame = 0;
  const measure = () => {
    frame = 0;
    const value = key.getState(editorView.state);
    if (!value || editorView.isDestroyed || editorView.dom.getClientRects().length === 0) return;
    const drawn = drawnIds(value);
    const ids = wanted(editorView, drawn);
    if (!sameSet(ids, drawn)) editorView.dispatch(editorView.state.tr.setMeta(key, ids).setMeta('addToHistory', false));
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(measure);
  };
  window.addEventListener('scroll', schedule, { capture: true, passive: true });
  window.addEventListener('resize', schedule);
  // A ResizeObserver reports once at the start, then on every change of size; the start is
  // measured below already (a second measure there would be a second layout in the open).
  let started = false;
  const shown = new ResizeObserver(() => {
    if (started) schedule();
    started = true;
  });
  shown.observe(editorView.dom);
  schedule();
  return {
    // A change can bring new blocks into view (a paste, a block moved) or replace a drawn one.
    update: (view: EditorView, previous: EditorState) => {
      if (view.state.doc !== previous.doc || key.getState(view.state) !== key.getState(previous)) schedule();
    },
    destroy: () => {
      cancelAnimationFrame(frame);
      shown.disconnect();
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
        if (state.doc.childCount < OFFSCREEN_FROM_BLOCKS) return { active: false, decorations: DecorationSet.empty };
        const first = new Set<string>();
        for (let index = 0; index < Math.min(DRAWN_AT_OPEN, state.doc.childCount); index++) {
          const id = state.doc.child(index).attrs.id;
          if (typeof id === 'string') first.add(id);
        }
        return withMustDraw({ active: true, decorations: drawnOnly(state.doc, first) }, state);
      },
      apply: (tr, value) => {
        if (!value.active) return value;
        const ids = tr.getMeta(key) as ReadonlySet<string> | undefined;
        if (ids) return withMustDraw({ active: true, decorations: drawnOnly(tr.doc, ids) }, tr);
        if (!tr.docChanged && !tr.selectionSet) return value;
        return withMustDraw({ ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }, tr);
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
