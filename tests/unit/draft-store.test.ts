import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { openDatabase, type SqliteDatabase } from '../../main/services/database.js';
import { DraftStore, type DraftChange } from '../../main/services/draft-store.js';
import { makeTempDirectory } from '../temp-directory.js';

function article(title: string, paragraphs: string[] = []): Article {
  return {
    ...emptyArticle(),
    meta: { ...emptyArticle().meta, title, lead: `Vorspann zu ${title}` },
    body: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
  };
}

describe('DraftStore', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let db: SqliteDatabase;
  let store: DraftStore;
  let clock: number;
  const changes: DraftChange[] = [];

  beforeEach(() => {
    temp = makeTempDirectory();
    db = openDatabase(join(temp.path, 'store.sqlite'));
    clock = Date.parse('2026-11-29T08:00:00.000Z');
    store = new DraftStore(db, { now: () => new Date((clock += 1_000)) });
    changes.length = 0;
    store.changes.on((change) => changes.push(change));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('creates an empty draft and loads it again', () => {
    const draft = store.create();
    expect(draft.version).toBe(1);
    // Stored complete: its one empty paragraph has its block id already (opening it rewrites nothing).
    const stored = store.get(draft.id).article;
    expect({ ...stored, body: { type: 'doc', content: [{ type: 'paragraph' }] } }).toEqual(emptyArticle());
    expect(stored.body.content).toEqual([{ type: 'paragraph', attrs: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) } }]);
    expect(changes).toEqual([{ id: draft.id, kind: 'created' }]);
  });

  it('a create under an id that exists (a retried create) answers that release and overwrites nothing', () => {
    const id = '0b0c2f8e-6d5e-4c1b-9a53-1c2f3e4d5a6b';
    const first = store.create(article('Zuerst', ['Der erste Text']), id);
    const again = store.create(article('Später', ['Ein anderer Text']), id);
    expect(again).toEqual(first);
    expect(store.get(id).article.meta.title).toBe('Zuerst');
    expect(store.list('active')).toHaveLength(1);
  });

  it('saves, loads and lists with the newest change first', () => {
    const first = store.create();
    const second = store.create();
    const saved = store.save(first.id, 1, article('Erste Meldung', ['Absatz eins', 'Absatz zwei']));
    expect(saved).toMatchObject({ status: 'saved', version: 2 });
    expect(store.get(first.id).article.body.content).toHaveLength(2);
    expect(store.list('active').map((draft) => draft.id)).toEqual([first.id, second.id]);
    expect(store.list('active')[0]).toMatchObject({ title: 'Erste Meldung', lead: 'Vorspann zu Erste Meldung' });
  });

  it('pages the list: the newest first, as many as asked for, and the total', () => {
    const ids = Array.from({ length: 5 }, () => store.create().id);
    const page = store.page('active', 2);
    expect(page.total).toBe(5);
    expect(page.items.map((draft) => draft.id)).toEqual([ids[4], ids[3]]);
    expect(store.page('trash', 2)).toEqual({ items: [], total: 0 });
  });

  it('keeps the totals of the list and the trash through create, save, trash, restore and purge', () => {
    const totals = () => ({ active: store.page('active', 1).total, trash: store.page('trash', 1).total });
    const drafts = Array.from({ length: 4 }, (_, index) => store.create(article(`Meldung ${index}`)));
    expect(totals()).toEqual({ active: 4, trash: 0 });
    store.save(drafts[0]!.id, 1, article('Geändert'));
    store.delete(drafts[1]!.id);
    store.delete(drafts[2]!.id);
    expect(totals()).toEqual({ active: 2, trash: 2 });
    store.delete(drafts[2]!.id); // already in the trash
    store.restore(drafts[1]!.id);
    store.restore(drafts[3]!.id); // not in the trash
    expect(totals()).toEqual({ active: 3, trash: 1 });
    store.purge(drafts[2]!.id);
    expect(totals()).toEqual({ active: 3, trash: 0 });
    expect(totals()).toEqual({ active: store.list('active').length, trash: store.list('trash').length });
  });

  it('survives closing and reopening the database file', () => {
    const draft = store.create();
    store.save(draft.id, 1, article('Bleibt', ['Gespeicherter Text']));
    db.close();
    db = openDatabase(join(temp.path, 'store.sqlite'));
    const reopened = new DraftStore(db);
    expect(reopened.get(draft.id).article).toEqual(article('Bleibt', ['Gespeicherter Text']));
  });

  it('never overwrites a newer version: a stale save becomes a separate draft', () => {
    const draft = store.create();
    store.save(draft.id, 1, article('Fassung A'));
    const stale = store.save(draft.id, 1, article('Fassung B'));
    expect(stale.status).toBe('conflict');
    if (stale.status !== 'conflict') return;
    expect(stale.copy.id).not.toBe(draft.id);
    expect(stale.copy.article.meta.title).toBe('Fassung B (Ihre Fassung)');
    expect(store.get(draft.id).article.meta.title).toBe('Fassung A');
    expect(store.list('active')).toHaveLength(2);
  });

  it('keeps the text of a save whose draft was removed for good', () => {
    const draft = store.create();
    store.delete(draft.id);
    store.purge(draft.id);
    const late = store.save(draft.id, 1, article('Spät gespeichert'));
    expect(late.status).toBe('conflict');
    expect(store.list('active').map((summary) => summary.title)).toEqual(['Spät gespeichert (Ihre Fassung)']);
  });

  it('moves a draft to the trash and restores it unchanged', () => {
    const draft = store.create();
    store.save(draft.id, 1, article('Papierkorb-Test', ['Inhalt']));
    const deleted = store.delete(draft.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(store.list('active')).toEqual([]);
    expect(store.list('trash').map((summary) => summary.id)).toEqual([draft.id]);

    store.restore(draft.id);
    expect(store.list('trash')).toEqual([]);
    expect(store.get(draft.id)).toMatchObject({ deletedAt: null, article: article('Papierkorb-Test', ['Inhalt']) });
  });

  it('removes a draft for good only from the trash', () => {
    const draft = store.create();
    expect(() => store.purge(draft.id)).toThrow(/Nur Pressemitteilungen im Papierkorb/);
    store.delete(draft.id);
    store.purge(draft.id);
    expect(() => store.get(draft.id)).toThrow(/nicht gefunden/);
    expect(store.list('trash')).toEqual([]);
  });

  it('records every step in the append-only event log', () => {
    const draft = store.create();
    store.save(draft.id, 1, article('Protokoll'));
    store.delete(draft.id);
    store.restore(draft.id);
    const kinds = db.prepare('SELECT kind FROM events WHERE article_id = ? ORDER BY id').pluck().all(draft.id);
    expect(kinds).toEqual(['article.created', 'article.saved', 'article.deleted', 'article.restored']);
  });
});
