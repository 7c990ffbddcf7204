import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Article, ArticleMeta, DocumentNode } from '../article.js';
import { imageEditorFields, type EditorField } from '../blocks/editor-fields.js';
import { blockOfNode } from '../blocks/catalog.js';
import { canonicalJson } from '../canonical-json.js';
import { formatMessage, type MessageKey } from '../messages/index.js';

/** A run of text that both versions share, or that only the newer (added) or older (removed) has. */
export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One changed field: a metadata field or a block attribute, with its German label. */
export interface FieldChange {
  /** For metadata: the field of `ArticleMeta` it belongs to (taking one version's value over). */
  metaField?: keyof ArticleMeta;
  label: string;
  before: string;
  after: string;
  /** Word by word, for text worth reading that way. */
  parts: TextPart[];
}

export type BlockStatus = 'unchanged' | 'added' | 'removed' | 'moved' | 'changed' | 'moved-changed';

export interface BlockChange {
  status: BlockStatus;
  /** The block's id where it has one (comments and checks anchor to it). */
  blockId: string | null;
  /** The catalog block's German name. */
  label: string;
  /** The block's text, word by word: all added, all removed, or mixed for a changed block. */
  text: TextPart[];
  /** Attributes that differ (alt text, speaker, link address …). */
  attributes: FieldChange[];
  /** Changed, but neither its text nor its attributes: marks such as bold or a link. */
  formatOnly: boolean;
}

export interface ArticleDiff {
  meta: FieldChange[];
  /** The newer version's blocks in order, removed blocks where they used to be. */
  blocks: BlockChange[];
  /** True when nothing differs at all. */
  identical: boolean;
}

/** Compares two versions of a release block by block, and inside changed text word by word. */
export function diffArticles(older: Article, newer: Article): ArticleDiff {
  const meta = diffMeta(older, newer);
  const blocks = diffBlocks(older.body.content, newer.body.content);
  return { meta, blocks, identical: meta.length === 0 && blocks.every((block) => block.status === 'unchanged') };
}

// --- metadata ---

function diffMeta(older: Article, newer: Article): FieldChange[] {
  const a = older.meta;
  const b = newer.meta;
  const changes: FieldChange[] = [];
  const add = (metaField: keyof ArticleMeta, key: MessageKey, before: string, after: string) => {
    if (before !== after) changes.push({ metaField, ...fieldChange(formatMessage(key), before, after) });
  };
  add('title', 'editor.title', a.title, b.title);
  add('lead', 'editor.lead', a.lead, b.lead);
  add('ministry', 'meta.ministry', a.ministry, b.ministry);
  add('place', 'meta.place', a.place, b.place);
  add('date', 'meta.date', a.date, b.date);
  add('embargo', 'meta.embargo', a.embargo, b.embargo);
  add('contact', 'meta.contactName', a.contact.name, b.contact.name);
  add('contact', 'meta.contactPhone', a.contact.phone, b.contact.phone);
  add('contact', 'meta.contactEmail', a.contact.email, b.contact.email);
  add('topics', 'meta.topics', a.topics.join(', '), b.topics.join(', '));
  const teaser = formatMessage('meta.teaserImage');
  changes.push(
    ...diffFields(
      describe(a.teaserImage ?? {}, imageEditorFields, teaser),
      describe(b.teaserImage ?? {}, imageEditorFields, teaser),
    ).map((change) => ({ metaField: 'teaserImage' as const, ...change })),
  );
  return changes;
}

// --- blocks ---

interface Keyed {
  key: string;
  node: DocumentNode;
}

/**
 * Blocks are matched by their stable id, so a moved block is one block moved, not one
 * removed and one added. Among the blocks both versions have, the longest common order
 * stays put; the others count as moved.
 */
function diffBlocks(olderNodes: readonly DocumentNode[], newerNodes: readonly DocumentNode[]): BlockChange[] {
  const older = keyed(olderNodes);
  const newer = keyed(newerNodes);
  const olderByKey = new Map(older.map((entry) => [entry.key, entry]));
  const newerKeys = new Set(newer.map((entry) => entry.key));

  const sharedOlder = older.filter((entry) => newerKeys.has(entry.key)).map((entry) => entry.key);
  const sharedNewer = newer.filter((entry) => olderByKey.has(entry.key)).map((entry) => entry.key);
  const stayed = new Set<string>();
  for (const part of diffArrays(sharedOlder, sharedNewer)) {
    if (!part.added && !part.removed) for (const key of part.value) stayed.add(key);
  }

  // Removed blocks go after the block that preceded them in the older version.
  const removedAfter = new Map<string | null, Keyed[]>();
  let previous: string | null = null;
  for (const entry of older) {
    if (!newerKeys.has(entry.key)) {
      const list = removedAfter.get(previous) ?? [];
      list.push(entry);
      removedAfter.set(previous, list);
    } else {
      previous = entry.key;
    }
  }

  const result: Array<{ change: BlockChange; node: DocumentNode; older?: DocumentNode }> = [];
  const flushRemoved = (after: string | null) => {
    for (const entry of removedAfter.get(after) ?? []) result.push({ change: wholeBlock('removed', entry.node), node: entry.node });
  };
  flushRemoved(null);
  for (const entry of newer) {
    const before = olderByKey.get(entry.key);
    if (!before) result.push({ change: wholeBlock('added', entry.node), node: entry.node });
    else result.push({ change: compareBlock(before.node, entry.node, !stayed.has(entry.key)), node: entry.node });
    if (before) flushRemoved(entry.key);
  }
  return pairRewrittenBlocks(result);
}

/**
 * A block retyped in place (select all, type) gets a new id, but to a person it is the same
 * paragraph changed: within a run of removed and added blocks, an added block is paired, in
 * order, with a removed one of the same kind and mostly the same words, and counts as changed.
 */
function pairRewrittenBlocks(entries: ReadonlyArray<{ change: BlockChange; node: DocumentNode }>): BlockChange[] {
  const out: BlockChange[] = [];
  const isEdge = (entry: { change: BlockChange }) => entry.change.status === 'removed' || entry.change.status === 'added';
  for (let start = 0; start < entries.length; ) {
    if (!isEdge(entries[start]!)) {
      out.push(entries[start]!.change);
      start++;
      continue;
    }
    let end = start;
    while (end < entries.length && isEdge(entries[end]!)) end++;
    const run = entries.slice(start, end);
    const pairedRemoved = new Set<number>();
    const pairOf = new Map<number, number>();
    let lastPaired = -1;
    run.forEach((entry, index) => {
      if (entry.change.status !== 'added') return;
      const match = run.findIndex(
        (candidate, candidateIndex) =>
          candidateIndex > lastPaired &&
          candidate.change.status === 'removed' &&
          !pairedRemoved.has(candidateIndex) &&
          candidate.node.type === entry.node.type &&
          similarity(blockText(candidate.node), blockText(entry.node)) >= 0.5,
      );
      if (match === -1) return;
      pairedRemoved.add(match);
      pairOf.set(index, match);
      lastPaired = match;
    });
    // Newer order for what is there; a removed block shows before the next block that follows it.
    const waiting = run.map((_, index) => index).filter((index) => run[index]!.change.status === 'removed' && !pairedRemoved.has(index));
    const flushRemovedBefore = (limit: number) => {
      while (waiting.length > 0 && waiting[0]! < limit) out.push(run[waiting.shift()!]!.change);
    };
    run.forEach((entry, index) => {
      if (entry.change.status !== 'added') return;
      const removed = pairOf.get(index);
      flushRemovedBefore(removed ?? Number.POSITIVE_INFINITY);
      out.push(removed === undefined ? entry.change : compareBlock(run[removed]!.node, entry.node, false));
    });
    flushRemovedBefore(Number.POSITIVE_INFINITY);
    start = end;
  }
  return out;
}

/** The share of characters two texts have in common, word-aligned: 1 for equal texts, 0 for nothing shared. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const same = diffWordsWithSpace(a, b)
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.value.length, 0);
  return same / longest;
}

function keyed(nodes: readonly DocumentNode[]): Keyed[] {
  const seen = new Map<string, number>();
  return nodes.map((node) => {
    const id = typeof node.attrs?.id === 'string' && node.attrs.id !== '' ? node.attrs.id : null;
    // Blocks without an id (older documents) are matched by their content instead.
    const base = id ?? `content:${canonicalJson(node)}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { key: count === 0 ? base : `${base}#${count}`, node };
  });
}

function wholeBlock(status: 'added' | 'removed', node: DocumentNode): BlockChange {
  const text = blockText(node);
  const fields = attributeFields(node);
  return {
    status,
    blockId: blockIdOf(node),
    label: blockLabel(node),
    text: text === '' ? [] : [{ kind: status, text }],
    attributes: [...fields.values()]
      .filter((field) => field.value !== '')
      .map((field) => (status === 'added' ? fieldChange(field.label, '', field.value) : fieldChange(field.label, field.value, ''))),
    formatOnly: false,
  };
}

function compareBlock(older: DocumentNode, newer: DocumentNode, moved: boolean): BlockChange {
  const changed = canonicalJson(withoutId(older)) !== canonicalJson(withoutId(newer));
  const beforeText = blockText(older);
  const afterText = blockText(newer);
  const attributes = changed ? diffFields(attributeFields(older), attributeFields(newer)) : [];
  const typeChanged = older.type !== newer.type;
  if (typeChanged) {
    const label = formatMessage('diff.blockType');
    attributes.unshift(fieldChange(label, blockLabel(older), blockLabel(newer)));
  }
  const text = changed && beforeText !== afterText ? wordParts(beforeText, afterText) : afterText === '' ? [] : [{ kind: 'same' as const, text: afterText }];
  const status: BlockStatus = changed ? (moved ? 'moved-changed' : 'changed') : moved ? 'moved' : 'unchanged';
  return {
    status,
    blockId: blockIdOf(newer),
    label: blockLabel(newer),
    text,
    attributes,
    formatOnly: changed && beforeText === afterText && attributes.length === 0,
  };
}

function withoutId(node: DocumentNode): DocumentNode {
  if (!node.attrs || !('id' in node.attrs)) return node;
  const { id: _id, ...attrs } = node.attrs;
  return { ...node, attrs };
}

function blockIdOf(node: DocumentNode): string | null {
  return typeof node.attrs?.id === 'string' && node.attrs.id !== '' ? node.attrs.id : null;
}

function blockLabel(node: DocumentNode): string {
  const block = blockOfNode(node.type);
  return block ? formatMessage(block.label) : node.type;
}

/** The text of a block as a person reads it: its text nodes, a line break between paragraphs and cells. */
export function blockText(node: DocumentNode): string {
  const parts: string[] = [];
  const walk = (current: DocumentNode) => {
    if (current.type === 'text') {
      parts.push(current.text ?? '');
      return;
    }
    if (current.type === 'hardBreak') {
      parts.push('\n');
      return;
    }
    const before = parts.length;
    for (const child of current.content ?? []) walk(child);
    if (parts.length > before && current !== node && current.content) parts.push('\n');
  };
  walk(node);
  return parts.join('').replace(/\n+$/, '').replace(/\n{2,}/g, '\n');
}

// --- attributes and fields ---

interface Described {
  label: string;
  value: string;
  /** What is compared when it differs from what is shown (a file is compared by its hash, shown by its name). */
  identity?: string;
}

/** A block's attributes (without its id) as labelled, readable values, keyed by their path. */
function attributeFields(node: DocumentNode): Map<string, Described> {
  const attrs = { ...node.attrs };
  delete attrs.id;
  const block = blockOfNode(node.type);
  return describe(attrs, block?.editorFields ?? [], null);
}

function describe(value: Record<string, unknown>, fields: readonly EditorField[], prefix: string | null): Map<string, Described> {
  const out = new Map<string, Described>();
  const covered = new Set<string>();
  const labelOf = (label: string) => (prefix ? `${prefix} – ${label}` : label);
  for (const field of fields) {
    covered.add(field.name);
    const inner = value[field.name];
    const label = labelOf(formatMessage(field.label));
    switch (field.control) {
      case 'group':
        for (const [key, entry] of describe(asRecord(inner), field.fields, label)) out.set(`${field.name}.${key}`, entry);
        break;
      case 'list': {
        const items = Array.isArray(inner) ? inner : [];
        items.forEach((item, index) => {
          const itemLabel = labelOf(formatMessage('diff.item', { label: formatMessage(field.itemLabel), number: index + 1 }));
          for (const [key, entry] of describe(asRecord(item), field.fields, itemLabel)) out.set(`${field.name}.${index}.${key}`, entry);
        });
        break;
      }
      case 'media':
        out.set(field.name, { label, value: mediaName(inner), identity: mediaHash(inner) });
        break;
      case 'checkbox':
        out.set(field.name, { label, value: formatMessage(inner === true ? 'diff.yes' : 'diff.no') });
        break;
      case 'select': {
        const option = field.options.find((candidate) => candidate.value === String(inner ?? ''));
        out.set(field.name, { label, value: option ? formatMessage(option.label) : String(inner ?? '') });
        break;
      }
      default:
        out.set(field.name, { label, value: typeof inner === 'string' ? inner : inner === undefined || inner === null ? '' : canonicalJson(inner) });
    }
  }
  // Attributes the side panel does not edit (table layout, list start …) still count.
  for (const [key, inner] of Object.entries(value)) {
    if (covered.has(key) || inner === undefined) continue;
    out.set(key, { label: labelOf(key), value: typeof inner === 'string' ? inner : canonicalJson(inner) });
  }
  return out;
}

function diffFields(before: Map<string, Described>, after: Map<string, Described>): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const old = a?.value ?? '';
    const next = b?.value ?? '';
    if (old !== next || (a?.identity ?? '') !== (b?.identity ?? '')) changes.push(fieldChange((b ?? a)!.label, old, next));
  }
  return changes;
}

function fieldChange(label: string, before: string, after: string): FieldChange {
  return { label, before, after, parts: wordParts(before, after) };
}

function wordParts(before: string, after: string): TextPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function mediaHash(value: unknown): string {
  const media = asRecord(value);
  return typeof media.sha256 === 'string' ? media.sha256 : '';
}

function mediaName(value: unknown): string {
  const media = asRecord(value);
  return typeof media.name === 'string' ? media.name : '';
}
