import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import type { HistoryEntry, HistoryHead } from '../common/portal-api.js';
import type { PortalDatabase } from './database.js';

const GENESIS = '0'.repeat(64);

/** The columns of an entry, named as the Portal API names them. */
const entryColumns = 'seq, article_id AS articleId, at, actor, action, revision, reason, previous_hash AS previousHash, hash';

/** The history of every release, one chain: each entry carries the hash of the one before. */
export class HistoryLog {
  constructor(
    private readonly db: PortalDatabase,
    private readonly stamp: () => string,
  ) {}

  append(articleId: string, actor: string, action: string, revision: number, reason: string | null): void {
    const last = this.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1').get();
    const entry = { seq: (last?.seq ?? 0) + 1, articleId, at: this.stamp(), actor, action, revision, reason, previousHash: last?.hash ?? GENESIS };
    this.db
      .prepare('INSERT INTO history (seq, article_id, at, actor, action, revision, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.seq, articleId, entry.at, actor, action, revision, reason, entry.previousHash, hashEntry(entry));
  }

  /** The newest entry; null while the history is empty. */
  head(): HistoryHead | null {
    return this.db.prepare<[], HistoryHead>('SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1').get() ?? null;
  }

  /** The entry with this hash, if the chain holds it. */
  withHash(hash: string): HistoryHead | null {
    return this.db.prepare<[string], HistoryHead>('SELECT seq, hash FROM history WHERE hash = ?').get(hash) ?? null;
  }

  of(articleId: string): HistoryEntry[] {
    return this.db.prepare<[string], HistoryEntry>(`SELECT ${entryColumns} FROM history WHERE article_id = ? ORDER BY seq`).all(articleId);
  }

  /** Walks the whole chain: every entry's hash and its link to the one before. */
  verify(): { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string } {
    let previous = GENESIS;
    let count = 0;
    for (const entry of this.db.prepare<[], HistoryEntry>(`SELECT ${entryColumns} FROM history ORDER BY seq`).iterate()) {
      count++;
      if (entry.previousHash !== previous) return { ok: false, entries: count, brokenAt: entry.seq, reason: 'link to the previous entry does not match' };
      if (hashEntry(entry) !== entry.hash) return { ok: false, entries: count, brokenAt: entry.seq, reason: 'content does not match its hash' };
      previous = entry.hash;
    }
    return { ok: true, entries: count };
  }
}

/** The hash of a history entry: its fields and the hash of the entry before, canonically. */
export function hashEntry(entry: Omit<HistoryEntry, 'hash'>): string {
  const { seq, articleId, at, actor, action, revision, reason, previousHash } = entry;
  return sha256(canonicalJson({ seq, articleId, at, actor, action, revision, reason, previousHash }));
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
