import type { DocumentNode } from './article.js';

/**
 * A save that sends only what changed (`drafts.saveChanges`) describes the new body as a list of
 * entries: a block that is new or changed, or `{ keep: [from, to] }`, the blocks from..to (end
 * excluded) of the version the caller saved last. A one-letter change in a 5,000-block release
 * sends one block and two ranges instead of megabytes.
 */
export type BlockChange = DocumentNode | { keep: [number, number] };

/**
 * The changes from the blocks of the last save to the current ones. Blocks are compared by
 * identity: the editor keeps an untouched block as the very same object from one state to the
 * next, so what is identical is unchanged.
 */
export function blockChanges<T extends object>(saved: readonly T[], current: readonly T[], json: (block: T) => DocumentNode): BlockChange[] {
  const savedIndex = new Map<T, number>();
  saved.forEach((block, index) => savedIndex.set(block, index));
  const changes: BlockChange[] = [];
  let run: [number, number] | null = null;
  for (const block of current) {
    const index = savedIndex.get(block);
    if (index !== undefined && run && run[1] === index) {
      run[1] = index + 1;
      continue;
    }
    if (run) changes.push({ keep: run });
    run = index === undefined ? null : [index, index + 1];
    if (index === undefined) changes.push(json(block));
  }
  if (run) changes.push({ keep: run });
  return changes;
}

function keptRange(entry: unknown): [number, number] | 'malformed' | null {
  if (entry === null || typeof entry !== 'object' || !('keep' in entry)) return null;
  const keep = (entry as { keep: unknown }).keep;
  if (!Array.isArray(keep) || keep.length !== 2 || !keep.every((value) => Number.isSafeInteger(value))) return 'malformed';
  return [keep[0] as number, keep[1] as number];
}

/**
 * The blocks of the new version from the stored ones and the changes (blocks left unchecked:
 * the caller validates the whole article). Null when a kept range does not fit the stored
 * version, i.e. the caller's base is not what is stored.
 */
export function applyBlockChanges(stored: readonly DocumentNode[], changes: readonly unknown[]): unknown[] | null {
  const blocks: unknown[] = [];
  for (const entry of changes) {
    const range = keptRange(entry);
    if (range === null) {
      blocks.push(entry);
      continue;
    }
    if (range === 'malformed') return null;
    const [from, to] = range;
    if (from < 0 || to <= from || to > stored.length) return null;
    for (let index = from; index < to; index++) blocks.push(stored[index]);
  }
  return blocks;
}
