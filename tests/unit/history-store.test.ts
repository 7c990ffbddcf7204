import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { openDatabase, type SqliteDatabase } from '../../main/services/database.js';
import { DraftStore } from '../../main/services/draft-store.js';
import { contentHash, HistoryStore } from '../../main/services/history-store.js';
import { makeTempDirectory } from '../temp-directory.js';

function article(title: string, text = ''): Article {
  const base = emptyArticle();
  return { ...base, meta: { ...base.meta, title }, body: { type: 'doc', content: [{ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }] } };
}

describe('HistoryStore', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let db: SqliteDatabase;
  let drafts: DraftStore;
  let history: HistoryStore;
  let clock: number;
  const now = () => new Date((clock += 1_000));

  beforeEach(() => {
    temp = makeTempDirectory();
    db = openDatabase(join(temp.path, 'store.sqlite'));
    clock = Date.parse('2026-11-29T08:00:00.000Z');
    drafts = new DraftStore(db, { now });
    history = new HistoryStore(db, drafts, now);
  });
  afterEach(() => {
    drafts.dispose();
    db.close();
    temp.remove();
  });

  it('writes a revision per checkpoint only when the content changed', () => {
    const draft = drafts.create(article('Haushalt', 'Erste Fassung.'));
    const first = history.checkpoint(draft.id, 'pause');
    expect(first).toMatchObject({ reason: 'pause', labels: [], restoredFrom: null, contentHash: contentHash(draft.article) });
    expect(history.checkpoint(draft.id, 'blur')).toBeNull();

    drafts.save(draft.id, draft.version, article('Haushalt', 'Zweite Fassung.'));
    const second = history.checkpoint(draft.id, 'close')!;
    expect(second.reason).toBe('close');
    expect(history.list(draft.id).map((revision) => revision.id)).toEqual([second.id, first!.id]);
    expect(history.get(draft.id, first!.id).article.body.content[0]!.content![0]!.text).toBe('Erste Fassung.');
  });

  it('hashes content, not key order', () => {
    const a = article('Gleich', 'Text.');
    const reordered = { body: a.body, meta: { ...a.meta }, formatVersion: a.formatVersion, format: a.format } as Article;
    expect(contentHash(reordered)).toBe(contentHash(a));
    expect(contentHash(article('Anders', 'Text.'))).not.toBe(contentHash(a));
  });

  it('names a version without writing a second revision of the same content', () => {
    const draft = drafts.create(article('Haushalt', 'Text.'));
    const auto = history.checkpoint(draft.id, 'pause')!;
    const named = history.saveVersion(draft.id, 'Mit dem Referat abgestimmt');
    expect(named.id).toBe(auto.id);
    expect(named.labels).toEqual(['Mit dem Referat abgestimmt']);
    drafts.save(draft.id, draft.version, article('Haushalt', 'Neu.'));
    const second = history.saveVersion(draft.id, 'Endfassung');
    expect(second).toMatchObject({ reason: 'named', labels: ['Endfassung'] });
    expect(history.list(draft.id)).toHaveLength(2);
  });

  it('restores an old revision as the newest, keeping what was there as a revision', () => {
    const draft = drafts.create(article('Haushalt', 'Alt.'));
    const old = history.checkpoint(draft.id, 'pause')!;
    const saved = drafts.save(draft.id, draft.version, article('Haushalt', 'Neu, noch ohne Revision.'));
    if (saved.status !== 'saved') throw new Error('save failed');

    const restored = history.restore(draft.id, old.id, saved.version);
    expect(restored.version).toBe(saved.version + 1);
    expect(restored.article).toEqual(history.get(draft.id, old.id).article);

    const [restoreRevision, beforeRestore, original] = history.list(draft.id);
    expect(restoreRevision).toMatchObject({ reason: 'restore', restoredFrom: old.id, contentHash: old.contentHash });
    expect(history.get(draft.id, beforeRestore!.id).article.body.content[0]!.content![0]!.text).toBe('Neu, noch ohne Revision.');
    expect(original!.id).toBe(old.id);
  });

  it('refuses to restore over a save it has not seen, and changes nothing', () => {
    const draft = drafts.create(article('Haushalt', 'Alt.'));
    const old = history.checkpoint(draft.id, 'pause')!;
    drafts.save(draft.id, draft.version, article('Haushalt', 'Aus einem anderen Fenster.'));
    expect(() => history.restore(draft.id, old.id, draft.version)).toThrow(/in einem anderen Fenster geändert/);
    expect(history.list(draft.id)).toHaveLength(1);
    expect(drafts.get(draft.id).article.body.content[0]!.content![0]!.text).toBe('Aus einem anderen Fenster.');
  });

  it('never changes a revision; revisions go only with their release', () => {
    const draft = drafts.create(article('Haushalt', 'Text.'));
    const revision = history.checkpoint(draft.id, 'pause')!;
    history.saveVersion(draft.id, 'Name');
    expect(() => db.prepare("UPDATE revisions SET content = '{}' WHERE id = ?").run(revision.id)).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE revision_labels SET label = ?').run('anders')).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM revisions WHERE id = ?').run(revision.id)).toThrow(/only with their article/);

    drafts.delete(draft.id);
    drafts.purge(draft.id);
    expect(db.prepare('SELECT COUNT(*) FROM revisions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM revision_labels').pluck().get()).toBe(0);
  });

  it('catches up revisions for releases saved since their last one (after a crash, on close)', () => {
    const a = drafts.create(article('A', 'Eins.'));
    const b = drafts.create(article('B', 'Zwei.'));
    history.checkpoint(b.id, 'pause');
    expect(history.checkpointAll('recovered')).toBe(1);
    expect(history.list(a.id)[0]!.reason).toBe('recovered');
    expect(history.checkpointAll('close')).toBe(0);
  });

  it('answers in German for an unknown revision', () => {
    const draft = drafts.create(article('Haushalt'));
    expect(() => history.get(draft.id, 999)).toThrow('Diese Version gibt es nicht.');
  });
});
