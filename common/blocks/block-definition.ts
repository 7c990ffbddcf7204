import type { AnyExtension } from '@tiptap/core';
import type { z } from 'zod';
import type { DocumentNode } from '../article.js';
import type { MediaResolver } from '../media.js';
import type { MessageKey } from '../messages/index.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import type { BlockCheck } from './block-checks.js';
import type { EditorField } from './editor-fields.js';
import type { WordPressContext } from './wordpress-markup.js';

export interface RenderContext {
  media: MediaResolver;
  /** In the editor, editable rich content is a hole (0) that ProseMirror fills. */
  editor: boolean;
}

/**
 * Everything about one content block, in one place: its document node(s) for the editor,
 * the portal element type and fields it maps to, its markup in the portal's look, its checks.
 */
export interface BlockDefinition<Fields = unknown> {
  /** The top-level document node type, and the block's stable name. */
  readonly name: string;
  /** The portal's element type for this block; data, checked against the portal profile. */
  readonly elementType: string;
  readonly label: MessageKey;
  readonly description: MessageKey;
  /** Words that find the block in the insert menu besides its label. */
  readonly keywords: readonly string[];
  /** 'panel': attributes edited in the side panel; 'inline': typed in place. */
  readonly editing: 'inline' | 'panel';
  /** The TipTap extensions that make up the block (its node and any child nodes). */
  readonly extensions: readonly AnyExtension[];
  readonly fieldsSchema: z.ZodType<Fields>;
  /** The attributes the side panel edits, if any. */
  readonly editorFields: readonly EditorField[];
  /** A new block as the insert menu adds it. */
  create(): DocumentNode;
  toFields(node: DocumentNode): Fields;
  fromFields(fields: Fields, id: string): DocumentNode;
  /** The block in the portal's markup; in the editor, a hole (0) where its rich content goes. */
  render(fields: Fields, context: RenderContext): HtmlSpec;
  /**
   * The block as WordPress block editor markup (core blocks as WordPress 6.1 saves them). Without
   * one, a WordPress destination sends the portal markup in a core/html block (see wordpress-markup.ts).
   */
  wordpress?(fields: Fields, context: WordPressContext): string;
  /** The block's own checks, on its fields; the rules for every block are in `common/checks/`. */
  readonly checks?: readonly BlockCheck<Fields>[];
}

/** Defines a block with its field type inferred from the schema. */
export function defineBlock<Fields>(definition: BlockDefinition<Fields>): BlockDefinition<Fields> {
  return definition;
}

/** Reads a string attribute of a node, '' when absent. */
export function stringAttr(node: DocumentNode, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

export function idAttr(node: DocumentNode): string {
  return stringAttr(node, 'id');
}

/** Rich content specs, or the editor's content hole. */
export function contentOr(context: RenderContext, specs: () => HtmlSpec[]): HtmlSpec[] {
  return context.editor ? [0] : specs();
}
