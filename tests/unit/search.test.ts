import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { foldGerman, slugify } from '../../common/german-folding.js';
import { queryTerms, snippet } from '../../common/search-text.js';
import { migrate, openDatabase, type SqliteDatabase } from '../../main/services/database.js';
import { DraftStore } from '../../main/services/draft-store.js';
import { migrations } from '../../main/services/migrations/index.js';
import { makeTempDirectory } from '../temp-directory.js';

function release(title: string, body: string, extra: Partial<Article['meta']> = {}): Article {
  return {
    ...emptyArticle(),
    meta: { ...emptyArticle().meta, title, lead: '', ...extra },
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] },
  };
}

describe('German folding', () => {
  it('writes umlauts and ß out and keeps a map back to the original', () => {
    expect(foldGerman('Müller-Straße ÄÖÜ').folded).toBe('mueller-strasse aeoeue');
    const { map } = foldGerman('Müller');
    expect(map).toEqual([0, 1, 1, 2, 3, 4, 5]);
    expect(queryTerms('  Straße,  "MÜLLER" (Mueller) ')).toEqual(['strasse', 'mueller']);
  });

  it('folds a text as it folds each of its characters, runs of ASCII at once, the map pointing back', () => {
    const text = 'Straße ÄRGER in Köln, Élysée-Café GROẞ: 12 € „Müller“ 😀 Ǆ e\u0301 ﬁ x';
    let folded = '';
    const map: number[] = [];
    for (let index = 0; index < text.length; index++) {
      const one = foldGerman(text[index]!);
      folded += one.folded;
      map.push(...one.map.map(() => index));
    }
    expect(foldGerman(text)).toEqual({ folded, map });
    expect(foldGerman(text).folded).toBe('strasse aerger in koeln, elysee-cafe gross: 12 € „mueller“ 😀 dz e fi x');
    expect(foldGerman('')).toEqual({ folded: '', map: [] });
  });

  it('makes the same letters of a title for an address and a file name', () => {
    expect(slugify('Straßenbau in Köln: 12 Mio. € für „Brücken“', { fallback: 'x' })).toBe('strassenbau-in-koeln-12-mio-fuer-bruecken');
    expect(slugify('Élysée – Café GROẞ', { fallback: 'x', keepCase: true })).toBe('Elysee-Cafe-GROSS');
    expect(slugify('a'.repeat(79) + ' b', { fallback: 'x' })).toBe('a'.repeat(79));
    expect(slugify(' „“ ', { fallback: 'medieninformation' })).toBe('medieninformation');
  });

  it('marks matches in the original text, umlauts as written', () => {
    expect(snippet('Herr Müller wohnt in der Lindenstraße.', ['mueller', 'strasse'])).toEqual([
      { text: 'Herr ', match: false },
      { text: 'Müller', match: true },
      { text: ' wohnt in der Linden', match: false },
      { text: 'straße', match: true },
      { text: '.', match: false },
    ]);
  });
});

describe('search over the store', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let db: SqliteDatabase;
  let store: DraftStore;
  let clock: number;
  beforeEach(() => {
    temp = makeTempDirectory();
    db = openDatabase(join(temp.path, 'db.sqlite'));
    clock = Date.parse('2026-11-01T08:00:00.000Z');
    store = new DraftStore(db, { now: () => new Date((clock += 86_400_000)) });
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  const titles = (query: string, scope: 'active' | 'trash' | 'all' = 'active', range: { from?: string; to?: string } = {}) =>
    store.search(query, { scope, ...range }).map((hit) => hit.draft.title);

  it('finds ä/ö/ü/ß by their plain and transcribed forms, both ways', () => {
    store.create(release('Sperrung der Lindenstraße', 'Bürgermeister Müller informiert.'));
    store.create(release('Neue Strasse in Erfurt', 'Herr Mueller eröffnet sie.'));
    expect(titles('Straße').sort()).toEqual(['Neue Strasse in Erfurt', 'Sperrung der Lindenstraße']);
    expect(titles('strasse').sort()).toEqual(['Neue Strasse in Erfurt', 'Sperrung der Lindenstraße']);
    expect(titles('Müller').sort()).toEqual(['Neue Strasse in Erfurt', 'Sperrung der Lindenstraße']);
    expect(titles('Mueller').sort()).toEqual(['Neue Strasse in Erfurt', 'Sperrung der Lindenstraße']);
  });

  it('finds prefixes and the parts of compound words', () => {
    store.create(release('ITOF 2026', 'Das Forum zur Verwaltungsdigitalisierung in Sachsen.'));
    expect(titles('Verwaltung')).toEqual(['ITOF 2026']);
    expect(titles('digitalis')).toEqual(['ITOF 2026']);
    expect(titles('verw dig')).toEqual(['ITOF 2026']);
  });

  it('needs every word, and finds short words like "IT"', () => {
    store.create(release('IT-Strategie', 'Sachsen und Thüringen.'));
    store.create(release('Haushalt', 'Sachsen spart.'));
    expect(titles('sachsen thüringen')).toEqual(['IT-Strategie']);
    expect(titles('IT sachsen')).toEqual(['IT-Strategie']);
  });

  it('searches captions, quote speakers and topics, and keeps the index current on save and purge', () => {
    const draft = store.create(release('Galerie', 'Text'));
    store.save(draft.id, 1, {
      ...release('Galerie', 'Text', { topics: ['Denkmalpflege'] }),
      body: {
        type: 'doc',
        content: [
          { type: 'quote', attrs: { speaker: 'Dr. Hartmut Schubert', role: 'Staatssekretär' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zitat' }] }] },
          { type: 'gallery', attrs: { images: [{ media: null, alt: 'Wendeltreppe', decorative: false, caption: 'Im Gewölbe', credit: 'Anna', title: 'Bibliothek' }] } },
        ],
      },
    });
    expect(titles('Gewölbe')).toEqual(['Galerie']);
    expect(titles('Schubert')).toEqual(['Galerie']);
    expect(titles('Denkmal')).toEqual(['Galerie']);
    expect(titles('Text')).toEqual([]);
    store.delete(draft.id);
    expect(titles('Gewölbe')).toEqual([]);
    expect(titles('Gewölbe', 'trash')).toEqual(['Galerie']);
    store.purge(draft.id);
    expect(titles('Gewölbe', 'all')).toEqual([]);
  });

  it('filters by date of last change', () => {
    store.create(release('Erste', 'Haushalt')); // 2026-11-02
    store.create(release('Zweite', 'Haushalt')); // 2026-11-03
    expect(titles('Haushalt', 'active', { from: '2026-11-03' })).toEqual(['Zweite']);
    expect(titles('Haushalt', 'active', { to: '2026-11-02' })).toEqual(['Erste']);
  });

  it('answers each query with its own words and filters when queries of the same shape follow each other', () => {
    store.create(release('Erste', 'Haushalt Schule')); // 2026-11-02
    store.create(release('Zweite', 'Haushalt Straße')); // 2026-11-03
    const draft = store.create(release('Dritte', 'Schule Straße')); // 2026-11-04
    store.delete(draft.id);
    for (let round = 0; round < 2; round++) {
      expect(titles('Haushalt')).toEqual(['Zweite', 'Erste']);
      expect(titles('Schule')).toEqual(['Erste']);
      expect(titles('Schule', 'trash')).toEqual(['Dritte']);
      expect(titles('Straße', 'all')).toEqual(['Dritte', 'Zweite']);
      expect(titles('Haushalt', 'active', { from: '2026-11-03' })).toEqual(['Zweite']);
      expect(titles('Haushalt', 'active', { from: '2026-11-02', to: '2026-11-02' })).toEqual(['Erste']);
      expect(titles('Straße', 'all', { to: '2026-11-03' })).toEqual(['Zweite']);
    }
  });

  it('shows the newest 50 of many matches, newest save first, each with its passage marked', () => {
    const ids = Array.from({ length: 60 }, (_, index) => store.create(release(`Meldung ${index}`, `Text ${index} über die Lindenstraße.`)).id);
    store.save(ids[0]!, 1, release('Meldung 0 geändert', 'Die Lindenstraße ist frei.'));
    const hits = store.search('strasse', { scope: 'active' });
    expect(hits).toHaveLength(50);
    expect(hits.map((hit) => hit.draft.title).slice(0, 3)).toEqual(['Meldung 0 geändert', 'Meldung 59', 'Meldung 58']);
    expect(hits.at(-1)!.draft.title).toBe('Meldung 11');
    expect(hits[1]!.snippet).toEqual([
      { text: 'Meldung 59 Text 59 über die Linden', match: false },
      { text: 'straße', match: true },
      { text: '.', match: false },
    ]);
  });

  it('takes hostile queries as plain words', () => {
    store.create(release('Normal', 'Text über NEAR und OR'));
    for (const query of ['"', 'NEAR(', '*', 'a OR b', ') AND (', '"; DROP TABLE articles; --']) expect(() => store.search(query, { scope: 'all' })).not.toThrow();
    expect(titles('über OR')).toEqual(['Normal']);
    expect(db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(1);
  });
});

describe('the search index after a crash', () => {
  it('catches up at start with saves that were never indexed', () => {
    const temp = makeTempDirectory();
    const file = join(temp.path, 'db.sqlite');
    const first = openDatabase(file);
    const store = new DraftStore(first);
    const draft = store.create(release('Vorher', 'alter Text'));
    store.flushSearchIndex();
    store.save(draft.id, 1, release('Nachher', 'Verwaltungsdigitalisierung'));
    // The process dies before the index caught up: no flush, no dispose.
    first.close();

    const second = openDatabase(file);
    const reopened = new DraftStore(second);
    expect(reopened.search('Verwaltung', { scope: 'all' }).map((hit) => hit.draft.title)).toEqual(['Nachher']);
    expect(reopened.search('alter', { scope: 'all' })).toEqual([]);
    reopened.dispose();
    second.close();
    temp.remove();
  });
});

describe('migration 004', () => {
  it('indexes the releases that were there before', () => {
    const temp = makeTempDirectory();
    const file = join(temp.path, 'db.sqlite');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 3));
    old
      .prepare("INSERT INTO articles VALUES ('a1', 1, 'Alt', '', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL)")
      .run(JSON.stringify(release('Alt', 'Verwaltungsdigitalisierung')));
    old.close();
    const db = openDatabase(file);
    expect(new DraftStore(db).search('Verwaltung', { scope: 'all' }).map((hit) => hit.draft.id)).toEqual(['a1']);
    db.close();
    temp.remove();
  });
});
