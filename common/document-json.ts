import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Article, DocumentNode } from './article.js';

/**
 * The JSON of the editor's top-level blocks, made once per block object and shared by all who
 * need it (the checks, the save): ProseMirror keeps every block a change did not touch as the
 * very same object from one state to the next.
 */
const converted = new WeakMap<ProseMirrorNode, DocumentNode>();
/** The JSON a block was read from, to be taken as its JSON once it is found equal (adoptStoredJson). */
const stored = new WeakMap<ProseMirrorNode, DocumentNode>();

/** One top-level block as JSON, converted once per block object and shared afterwards (not to be changed). */
export function blockJson(block: ProseMirrorNode): DocumentNode {
  let json = converted.get(block);
  if (!json) {
    const candidate = stored.get(block);
    json = candidate && sameAsJson(block, candidate) ? candidate : (block.toJSON() as DocumentNode);
    converted.set(block, json);
    stored.delete(block);
  }
  return json;
}

/**
 * A document opened from stored JSON: its blocks' JSON is the stored one wherever the two are
 * equal, so the release is held once and not once more as the checks' and the save's JSON. The
 * comparison runs when a block's JSON is first asked for (the first check, after the open), not here.
 */
export function adoptStoredJson(doc: ProseMirrorNode, body: Article['body']): void {
  const blocks = body.content;
  if (blocks.length !== doc.childCount) return;
  doc.forEach((block, _offset, index) => {
    if (!converted.has(block)) stored.set(block, blocks[index]!);
  });
}

/** The top-level blocks of a document. */
export function topLevelBlocks(doc: ProseMirrorNode): ProseMirrorNode[] {
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => blocks.push(block));
  return blocks;
}

/**
 * The body as JSON, each top-level block converted only once: ProseMirror keeps every block a
 * change did not touch as the very same object from one state to the next, so a save of a
 * 5,000-block release converts the one block that was typed into, not the whole document.
 */
export function documentJson(blocks: readonly ProseMirrorNode[]): Article['body'] {
  return { type: 'doc', content: blocks.map(blockJson) };
}

/** Whether `json` is exactly what `node.toJSON()` gives (the same keys, the same values). Allocates nothing. */
export function sameAsJson(node: ProseMirrorNode, json: DocumentNode): boolean {
  const hasAttrs = keyCount(node.attrs) > 0;
  const keys = 1 + Number(hasAttrs) + Number(node.content.size > 0) + Number(node.marks.length > 0) + Number(node.isText);
  if (json.type !== node.type.name || keyCount(json) !== keys) return false;
  if (hasAttrs ? !sameValue(node.attrs, json.attrs) : json.attrs !== undefined) return false;
  if (node.isText && json.text !== node.text) return false;
  if (node.marks.length > 0 && !sameMarks(node.marks, json.marks)) return false;
  if (node.content.size === 0) return true;
  const content = json.content;
  if (!Array.isArray(content) || content.length !== node.childCount) return false;
  for (let index = 0; index < content.length; index++) if (!sameAsJson(node.child(index), content[index]!)) return false;
  return true;
}

function sameMarks(marks: readonly Mark[], json: DocumentNode['marks']): boolean {
  if (!Array.isArray(json) || json.length !== marks.length) return false;
  return marks.every((mark, index) => {
    const each = json[index]!;
    const hasAttrs = keyCount(mark.attrs) > 0;
    return each.type === mark.type.name && keyCount(each) === (hasAttrs ? 2 : 1) && (hasAttrs ? sameValue(mark.attrs, each.attrs) : each.attrs === undefined);
  });
}

/** The number of own enumerable keys, without making a list of them. */
function keyCount(value: object): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}

/** Deep equality of JSON values (what attributes hold). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    count++;
  }
  return count === keyCount(b);
}
