import type { Finding, Severity } from '../../../common/checks/rules.js';

/** How a block with findings about all of it looks: underlined like a spelling mistake, errors with a bar. */
const flagLook: Record<Exclude<Severity, 'hint'>, string> = {
  warning: 'text-decoration: underline wavy #9a6700; text-decoration-thickness: 1px; text-underline-offset: 3px; text-decoration-skip-ink: none;',
  error: 'text-decoration: underline wavy var(--danger); text-decoration-thickness: 1px; text-underline-offset: 3px; text-decoration-skip-ink: none; box-shadow: -4px 0 0 var(--danger);',
};

export interface BlockFlag {
  severity: Exclude<Severity, 'hint'>;
  findings: Finding[];
}

/**
 * The marks on top-level blocks whose findings are about the whole block, as one style sheet
 * with a rule per flagged block id (the editor renders each block's id as `data-id`).
 *
 * Not ProseMirror decorations: node decorations on top-level blocks sit in the root of the
 * decoration set, and ProseMirror scans all of them for every top-level block at every
 * keystroke (O(blocks × flags), about 2 ms a keystroke with 333 flags in 5,000 blocks). A style
 * sheet costs nothing while typing; replacing it restyles the blocks once (about 12 ms at 5,000
 * blocks), and only when the flags changed.
 */
export class BlockFlags {
  private flags = new Map<string, BlockFlag>();
  private readonly sheet = new CSSStyleSheet();
  private css = '';

  constructor(
    private readonly document: Document,
    /** The selector of the editor whose top-level blocks are marked. */
    private readonly editorSelector: string,
  ) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  set(flags: Map<string, BlockFlag>): void {
    this.flags = flags;
    const rules = (['warning', 'error'] as const).flatMap((severity) => {
      const selectors = [...flags].filter(([, flag]) => flag.severity === severity).map(([id]) => `${this.editorSelector} > [data-id="${CSS.escape(id)}"]`);
      return selectors.length > 0 ? [`${selectors.join(',\n')} { ${flagLook[severity]} }`] : [];
    });
    const css = rules.join('\n');
    if (css === this.css) return;
    this.css = css;
    this.sheet.replaceSync(css);
  }

  /** The whole-block findings of a block, or none. */
  of(blockId: string): BlockFlag | undefined {
    return this.flags.get(blockId);
  }

  dispose(): void {
    this.document.adoptedStyleSheets = this.document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }
}
