import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../common/article.js';
import { release, usePortal } from './portal-harness.js';
import { xmllintProblems } from './xmllint.js';

/** The characters XML cannot carry that issue 12 names; a lone surrogate arrives as the JSON escape "\ud800". */
const hostile = [
  { name: 'U+0001', character: '\u0001' },
  { name: 'U+000B', character: '\u000B' },
  { name: 'U+FFFE', character: '\uFFFE' },
  { name: 'U+D800', character: '\uD800' },
] as const;

function withParagraph(article: Article, text: string, id = 'p-1'): Article {
  return { ...article, body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] }] } };
}

describe('the Portal API and characters XML cannot carry', () => {
  const t = usePortal();

  it.each(hostile)('refuses $name in a title, the lead, a text node and a block attribute with a German 400 naming the field; nothing is stored', async ({ name, character }) => {
    const base = release('Gültig');
    const cases: Array<{ article: Article; path: string }> = [
      { article: { ...base, meta: { ...base.meta, title: `Titel${character}mit Zeichen` } }, path: 'meta.title' },
      { article: { ...base, meta: { ...base.meta, lead: `Vorspann ${character}` } }, path: 'meta.lead' },
      { article: { ...base, meta: { ...base.meta, contact: { name: `Frau ${character}`, phone: '', email: '' } } }, path: 'meta.contact.name' },
      { article: withParagraph(base, `Text ${character} im Absatz`), path: 'body.content.0.content.0.text' },
      { article: withParagraph(base, 'Text', `p-${character}`), path: 'body.content.0.attrs.id' },
    ];
    for (const { article, path } of cases) {
      const id = randomUUID();
      const refused = await t.as.author.put(id, article);
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
      expect(refused.body.error.message).toContain(`${path}: Enthält das Zeichen ${name}`);
      expect(refused.body.error.details).toContainEqual({ path, message: expect.stringContaining(name) });
      expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).status).toBe(404);
    }
  });

  it('refuses them in a comment and in the reason of a transition, too', async () => {
    const { id } = await t.approved(release('Kommentiert'));
    const comment = await t.as.approver.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'p-1', revision: 1, text: 'Bitte \u0001 prüfen' });
    expect(comment.status).toBe(400);
    expect(comment.body.error.message).toContain('text: Enthält das Zeichen U+0001');
    expect((await t.as.approver.call('GET', `/api/v1/articles/${id}/comments`)).body).toEqual([]);
    expect((await t.as.author.transition(id, 'publish', 1)).status).toBe(200);
    const withdraw = await t.as.approver.transition(id, 'withdraw', 1, { reason: 'Fehler \uFFFE im Text' });
    expect(withdraw.status).toBe(400);
    expect(withdraw.body.error.message).toContain('reason: Enthält das Zeichen U+FFFE');
  });

  it('after trying to publish each of them, the feed and the pages parse with xmllint', async () => {
    // Each is taken as far as the portal lets it: without the refusal, all the way onto the website.
    for (const { character } of hostile) {
      const id = randomUUID();
      if ((await t.as.author.put(id, release(`Kaputt${character}`))).status !== 201) continue;
      await t.as.author.transition(id, 'submit', 1);
      await t.as.approver.transition(id, 'approve', 1);
      await t.as.author.transition(id, 'publish', 1);
    }
    const { id } = await t.approved(release('Gute Meldung & „Zitat“ <b>fett</b>', { lead: 'Tabulator\tund\nZeilen' }));
    expect((await t.as.author.transition(id, 'publish', 1)).status).toBe(200);
    const feed = await (await fetch(`${t.server.url}/presse/feed.xml`)).text();
    expect(feed).toContain('Gute Meldung &amp;');
    expect(xmllintProblems(feed, 'xml')).toEqual([]);
    const list = await (await fetch(`${t.server.url}/presse/`)).text();
    expect(xmllintProblems(list, 'html')).toEqual([]);
    const slug = /href="\/presse\/(gute-meldung[a-z0-9-]*)"/.exec(list)![1]!;
    expect(xmllintProblems(await (await fetch(`${t.server.url}/presse/${slug}`)).text(), 'html')).toEqual([]);
  });

  it('a text stored before the refusal existed never reaches the feed or a page with such a character', async () => {
    const { id } = await t.approved(release('Alte Meldung'));
    expect((await t.as.author.transition(id, 'publish', 1)).status).toBe(200);
    // Written straight into the database, as an older portal could have stored it.
    const old = withParagraph(release('Alt\u0001e Meldung\uFFFE'), 'Absatz mit \u000B Steuerzeichen \uD800 und Rest');
    const db = t.server.portal.db;
    db.prepare("INSERT INTO revisions (article_id, number, content, author, created_at) VALUES (?, 2, ?, 'redaktion', '2026-11-29T08:00:00.000Z')").run(id, JSON.stringify(old));
    db.prepare('UPDATE articles SET revision = 2, published_revision = 2 WHERE id = ?').run(id);

    const feed = await (await fetch(`${t.server.url}/presse/feed.xml`)).text();
    expect(feed).toContain('<title>Alte Meldung</title>');
    expect(xmllintProblems(feed, 'xml')).toEqual([]);
    const list = await (await fetch(`${t.server.url}/presse/`)).text();
    const slug = /href="\/presse\/(alte-meldung[a-z0-9-]*)"/.exec(list)![1]!;
    const page = await (await fetch(`${t.server.url}/presse/${slug}`)).text();
    expect(page).toContain('Absatz mit  Steuerzeichen  und Rest');
    expect(xmllintProblems(page, 'html')).toEqual([]);
    expect(xmllintProblems(list, 'html')).toEqual([]);
  });
});
