import { Extension, type Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { ArticleMeta, DocumentNode } from '../../../common/article.js';
import { createDocumentChecker } from '../../../common/checks/incremental.js';
import { sortFindings, type CheckProfile, type Finding, type Severity } from '../../../common/checks/rules.js';
import { topLevelElement } from './block-commands.js';
import { BlockFlags, type BlockFlag } from './block-flags.js';

const checksKey = new PluginKey<DecorationSet>('checks');

/** Holds the marks of the latest check run on words, like spelling mistakes (blocks as a whole: BlockFlags). */
export const CheckMarks = Extension.create({
  name: 'checkMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: checksKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, previous) => (tr.getMeta(checksKey) as DecorationSet | undefined) ?? previous.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => checksKey.getState(state) },
      }),
    ];
  },
});

const rank: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };
/** How long after the last change the checks run: off the typing path. */
const CHECK_DELAY_MS = 300;

/** Runs the checks of one open release after each pause, and marks the blocks they point to. */
export class EditorChecks {
  private check = createDocumentChecker();
  private profileKey = 'null';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(findings: Finding[]) => void>();
  /** Blocks marked as a whole (a style sheet, not decorations: see BlockFlags). */
  private readonly blockFlags = new BlockFlags(document, '.ProseMirror');
  findings: Finding[] = [];

  constructor(
    private readonly editor: Editor,
    private readonly meta: () => ArticleMeta,
  ) {}

  onFindings(listener: (findings: Finding[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The portal's profile to check with (which blocks it can render, its limits): it arrives after
   * the editor opens and again after a sign-in; null before any sign-in.
   */
  setProfile(profile: CheckProfile | null): void {
    // Fetched again at every pull: only a changed profile drops the findings cached per block.
    const key = JSON.stringify(profile);
    if (key === this.profileKey) return;
    this.profileKey = key;
    this.check = createDocumentChecker({ profile });
    this.schedule();
  }

  schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), CHECK_DELAY_MS);
  }

  run(): void {
    this.timer = null;
    const { editor } = this;
    if (editor.isDestroyed) return;
    this.findings = this.check(editor.state.doc, this.meta());
    const byBlock = new Map<string, Finding[]>();
    for (const finding of this.findings) {
      if (finding.blockId === null) continue;
      byBlock.set(finding.blockId, [...(byBlock.get(finding.blockId) ?? []), finding]);
    }
    const decorations: Decoration[] = [];
    const flags = new Map<string, BlockFlag>();
    editor.state.doc.forEach((node, offset) => {
      const id = String(node.attrs.id ?? '');
      const findings = byBlock.get(id);
      if (!findings) return;
      const wholeBlock: Finding[] = [];
      for (const finding of findings) {
        const range = finding.excerpt ? locateExcerpt(node, offset, finding.excerpt) : null;
        if (range) decorations.push(Decoration.inline(range.from, range.to, { class: `check-word check-${finding.severity}` }, { finding }));
        else if (finding.severity !== 'hint') wholeBlock.push(finding);
      }
      if (wholeBlock.length === 0) return;
      const worst = wholeBlock.reduce((a, b) => (rank[a.severity] <= rank[b.severity] ? a : b)).severity;
      flags.set(id, { severity: worst === 'error' ? 'error' : 'warning', findings: wholeBlock });
    });
    this.blockFlags.set(flags);
    editor.view.dispatch(editor.state.tr.setMeta(checksKey, DecorationSet.create(editor.state.doc, decorations)).setMeta('addToHistory', false));
    for (const listener of this.listeners) listener(this.findings);
  }

  /**
   * The findings marked at a position in the text: those of the words around it and those of the
   * whole block, worst first.
   */
  findingsAt(pos: number): Finding[] {
    const { doc } = this.editor.state;
    const words: Finding[] = [];
    for (const decoration of checksKey.getState(this.editor.state)?.find(pos, pos) ?? []) {
      const { finding } = decoration.spec as { finding: Finding };
      if (decoration.from <= pos && pos <= decoration.to) words.push(finding);
    }
    const $pos = doc.resolve(pos);
    const block = $pos.depth > 0 ? $pos.node(1) : doc.nodeAt(pos);
    const blocks = (block && this.blockFlags.of(String(block.attrs.id ?? ''))?.findings) ?? [];
    return sortFindings([...words, ...blocks]);
  }

  /** The top-level block element around `element` when the block is marked as a whole, or null. */
  flaggedBlock(element: Element): Element | null {
    const block = topLevelElement(this.editor, element);
    return block && this.blockFlags.of(block.getAttribute('data-id') ?? '') ? block : null;
  }

  /** Puts the cursor into the block a finding points to and scrolls it into view. */
  show(blockId: string): void {
    const position = this.positionOf(blockId);
    if (!position) return;
    const { editor } = this;
    const selection = TextSelection.near(editor.state.doc.resolve(position.pos + 1));
    editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView());
    editor.view.focus();
  }

  /** Applies a finding's one-click fix to its block (one undo step), then checks again. */
  fix(finding: Finding): void {
    if (!finding.fix || finding.blockId === null) return;
    const position = this.positionOf(finding.blockId);
    if (!position) return;
    const { editor } = this;
    const following: ProseMirrorNode[] = [];
    editor.state.doc.forEach((node, offset) => {
      if (offset > position.pos) following.push(node);
    });
    const absorbed = following.slice(0, finding.fix.absorbs?.(following.map((node) => node.toJSON() as DocumentNode)) ?? 0);
    const fixed = finding.fix.apply(position.node.toJSON() as DocumentNode, absorbed.map((node) => node.toJSON() as DocumentNode));
    const node = editor.schema.nodeFromJSON(fixed);
    const end = position.pos + position.node.nodeSize + absorbed.reduce((size, each) => size + each.nodeSize, 0);
    // Its own undo step, merged neither with the typing before it nor with what follows.
    editor.view.dispatch(closeHistory(editor.state.tr.replaceWith(position.pos, end, node)));
    editor.view.dispatch(closeHistory(editor.state.tr));
    this.run();
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.blockFlags.dispose();
    this.listeners.clear();
  }

  private positionOf(blockId: string) {
    let found: { pos: number; node: ProseMirrorNode } | null = null;
    this.editor.state.doc.forEach((node, offset) => {
      if (!found && node.attrs.id === blockId) found = { pos: offset, node };
    });
    return found as { pos: number; node: ProseMirrorNode } | null;
  }
}

/**
 * Where a finding's words are in a top-level block: the first place in one of its text blocks
 * where they occur (under a link to `href`, when given). Null when they are not in the text.
 */
export function locateExcerpt(block: ProseMirrorNode, blockPos: number, excerpt: NonNullable<Finding['excerpt']>): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  const inTextblock = (textblock: ProseMirrorNode, start: number) => {
    // The text of the text block, and for each character its position and link target.
    let text = '';
    const positions: number[] = [];
    const hrefs: Array<string | null> = [];
    textblock.forEach((child, offset) => {
      // A line break separates words as it does in the checks' text.
      if (child.type.name === 'hardBreak') {
        positions.push(start + offset);
        hrefs.push(null);
        text += '\n';
      }
      if (!child.isText) return;
      const href = child.marks.find((mark) => mark.type.name === 'link')?.attrs.href as string | undefined;
      for (let index = 0; index < child.text!.length; index++) {
        positions.push(start + offset + index);
        hrefs.push(href ?? null);
      }
      text += child.text;
    });
    for (let at = text.indexOf(excerpt.text); at !== -1; at = text.indexOf(excerpt.text, at + 1)) {
      const end = at + excerpt.text.length;
      if (excerpt.href === undefined || hrefs.slice(at, end).every((href) => href === excerpt.href)) {
        return { from: positions[at]!, to: positions[end - 1]! + 1 };
      }
    }
    return null;
  };
  if (block.isTextblock) return excerpt.text === '' ? null : inTextblock(block, blockPos + 1);
  block.descendants((node, pos) => {
    if (found || excerpt.text === '') return false;
    if (!node.isTextblock) return true;
    found = inTextblock(node, blockPos + 1 + pos + 1);
    return false;
  });
  return found;
}
