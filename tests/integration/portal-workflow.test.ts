import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../common/article.js';
import type { PortalArticle } from '../../common/portal-api.js';
import { demoRelease, release, usePortal } from './portal-harness.js';

describe('the reference portal\'s workflow over HTTP', () => {
  const t = usePortal();

  it('an author cannot approve, nobody approves a text they wrote or changed, and an approval belongs to one revision', async () => {
    const id = randomUUID();
    await t.as.author.put(id, release('Vier Augen'));
    expect((await t.as.author.transition(id, 'submit', 1)).body.status).toBe('in_review');
    const byAuthor = await t.as.author.transition(id, 'approve', 1);
    expect(byAuthor.status).toBe(403);

    // The approver edits: a new revision, which they may not approve themselves.
    await t.as.approver.put(id, release('Vier Augen, verbessert'), 1);
    await t.as.author.transition(id, 'submit', 2);
    const own = await t.as.approver.transition(id, 'approve', 2);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('Vier-Augen-Prinzip');
    const stale = await t.as.approver2.transition(id, 'approve', 1);
    expect(stale.status).toBe(409);
    expect((await t.as.approver2.transition(id, 'approve', 2)).body).toMatchObject({ status: 'approved', approvedRevision: 2 });

    // A change after the approval needs a new one.
    const changed = await t.as.author.put(id, release('Vier Augen, nach der Freigabe'), 2);
    expect(changed.body).toMatchObject({ revision: 3, status: 'draft', approvedRevision: null });
    expect((await t.as.author.transition(id, 'publish', 3)).status).toBe(409);
  });

  it('two approvals of the same revision racing: exactly one wins', async () => {
    const id = randomUUID();
    await t.as.author.put(id, release('Wettlauf'));
    await t.as.author.transition(id, 'submit', 1);
    const results = await Promise.all([t.as.approver.transition(id, 'approve', 1), t.as.approver2.transition(id, 'approve', 1)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const approvals = (await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body.filter((entry: { action: string }) => entry.action === 'approve');
    expect(approvals).toHaveLength(1);
  });

  it('nothing goes live before the embargo; a schedule at the exact embargo minute does', async () => {
    const { id } = await t.approved(release('Sperrfrist', { embargo: '2026-11-29T12:00' }));
    const now = await t.as.author.transition(id, 'publish', 1);
    expect(now.status).toBe(422);
    expect(now.body.error.message).toBe('Vor Ablauf der Sperrfrist (29.11.2026, 12:00 Uhr) darf nichts veröffentlicht werden.');
    const early = await t.as.author.transition(id, 'publish', 1, { at: '2026-11-29T10:59:00.000Z' });
    expect(early.status).toBe(422);
    const exact = await t.as.author.transition(id, 'publish', 1, { at: '2026-11-29T11:00:00.000Z' });
    expect(exact.body).toMatchObject({ status: 'scheduled', scheduledAt: '2026-11-29T11:00:00.000Z' });

    t.clock = Date.parse('2026-11-29T10:59:59.000Z');
    expect(t.server.portal.runScheduler()).toEqual([]);
    t.clock = Date.parse('2026-11-29T11:00:00.000Z');
    expect(t.server.portal.runScheduler()).toEqual([id]);
    const live = (await t.as.author.call('GET', `/api/v1/articles/${id}`)).body as PortalArticle;
    expect(live).toMatchObject({ status: 'published', publishedRevision: 1, publishedAt: '2026-11-29T11:00:00.000Z' });
    expect((await fetch(live.url!)).status).toBe(200);
  });

  it('a schedule that fell due while the server was down publishes right after the start', async () => {
    const { id } = await t.approved(release('Geplant'));
    await t.as.author.transition(id, 'publish', 1, { at: '2026-11-29T09:00:00.000Z' });
    await t.server.close();
    t.clock = Date.parse('2026-11-29T10:30:00.000Z');
    await t.start();
    await t.loginAll();
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body).toMatchObject({ status: 'published', publishedAt: '2026-11-29T10:30:00.000Z' });
  });

  it('a block the profile cannot render is refused at publish, naming it', async () => {
    // Submitted and approved while the portal could render videos; by publication it no longer can.
    const example = t.profile;
    t.profile = { ...example, elementTypes: example.elementTypes.map((type) => (type.name === 'mask_thvideo' ? { ...type, renderable: true } : type)) };
    await t.server.close();
    await t.start();
    await t.loginAll();
    const { id } = await t.approved(demoRelease);
    t.profile = example;
    await t.server.close();
    await t.start();
    await t.loginAll();
    const refused = await t.as.author.transition(id, 'publish', 1);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ blockId: expect.any(String), message: 'Der Baustein „Video“ (mask_thvideo) kann im Portal nicht dargestellt werden und darf nicht veröffentlicht werden.' }]);
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body.status).toBe('approved');
  });

  it('withdraw and correct: 410 after withdrawal, "aktualisiert am" after a correction, each with a reason', async () => {
    const { id } = await t.approved(release('Korrektur'));
    const published = (await t.as.author.transition(id, 'publish', 1)).body as PortalArticle;
    expect(published.status).toBe('published');
    const page = () => fetch(published.url!).then(async (response) => ({ status: response.status, html: await response.text() }));
    expect((await page()).html).not.toContain('aktualisiert am');

    t.clock += 60 * 60 * 1000;
    await t.as.author.put(id, release('Korrektur, berichtigt'), 1);
    expect((await page()).html).toContain('Korrektur: der Text.');
    await t.as.author.transition(id, 'submit', 2);
    await t.as.approver.transition(id, 'approve', 2);
    expect((await t.as.author.transition(id, 'correct', 2)).status).toBe(422);
    expect((await t.as.author.transition(id, 'correct', 2, { reason: 'Zahl berichtigt' })).body).toMatchObject({ status: 'published', publishedRevision: 2 });
    const corrected = await page();
    expect(corrected.html).toContain('Korrektur, berichtigt: der Text.');
    expect(corrected.html).toContain('aktualisiert am 29. November 2026 um 10:00');

    expect((await t.as.author.transition(id, 'withdraw', 2, { reason: 'Falsch' })).status).toBe(403);
    expect((await t.as.approver.transition(id, 'withdraw', 2, { reason: 'Rechtliche Prüfung' })).body.status).toBe('withdrawn');
    expect((await page()).status).toBe(410);
    const history = (await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ action: 'withdraw', actor: 'freigabe', revision: 2, reason: 'Rechtliche Prüfung' });
  });

  it('runs the same checks as the app: errors stop submit and publish; an approver may override them with a reason', async () => {
    const id = randomUUID();
    const defective: Article = {
      ...release('Mit Fehlern'),
      body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: 'Mehr zum Haushalt ' }, { type: 'text', text: 'hier', marks: [{ type: 'link', attrs: { href: 'https://finanzen.thueringen.de/' } }] }] }] },
    };
    await t.as.author.put(id, defective);
    const refused = await t.as.author.transition(id, 'submit', 1);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/^Die Prüfung hat 1 Fehler gefunden/);
    expect(refused.body.error.details).toEqual([{ blockId: 'p-1', path: 'a11y.linkGeneric', message: expect.stringContaining('Der Linktext „hier“') }]);

    expect((await t.as.author.transition(id, 'submit', 1, { override: 'Der Link ist so gewollt.' })).status).toBe(403);
    const overridden = await t.as.approver.transition(id, 'submit', 1, { override: 'Zitat aus dem Original, Link bleibt.' });
    expect(overridden.body.status).toBe('in_review');
    const history = (await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body;
    expect(history.at(-2)).toMatchObject({ action: 'override', actor: 'freigabe', reason: 'Zitat aus dem Original, Link bleibt. [a11y.linkGeneric]' });

    await t.as.approver2.transition(id, 'approve', 1);
    expect((await t.as.author.transition(id, 'publish', 1)).status).toBe(422);
    expect((await t.as.approver2.transition(id, 'publish', 1, { override: 'Zitat aus dem Original, Link bleibt.' })).body.status).toBe('published');
  });

  it('a block the profile cannot render is refused already at submit, naming it, and no override helps', async () => {
    const id = randomUUID();
    await t.as.author.put(id, demoRelease);
    const notRenderable = 'Der Baustein „Video“ (mask_thvideo) kann im Portal nicht dargestellt werden und darf nicht veröffentlicht werden.';
    const refused = await t.as.author.transition(id, 'submit', 1);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({ code: 'invalid_content', message: notRenderable, details: [{ blockId: expect.any(String), message: notRenderable }] });
    const overridden = await t.as.approver.transition(id, 'submit', 1, { override: 'Das Video muss mit.' });
    expect(overridden.status).toBe(422);
    expect(overridden.body.error.message).toBe(notRenderable);
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body.status).toBe('draft');
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body.map((entry: { action: string }) => entry.action)).toEqual(['created']);

    // Without the video it goes into review.
    const withoutVideo: Article = { ...demoRelease, body: { ...demoRelease.body, content: demoRelease.body.content.filter((node) => node.type !== 'video') } };
    await t.as.author.put(id, withoutVideo, 1);
    expect((await t.as.author.transition(id, 'submit', 2)).body.status).toBe('in_review');
  });

  it('every refusal answers with its HTTP status, code and German message', async () => {
    const error = async (answer: Promise<{ status: number; body: { error: { code: string; message: string } } }>) => {
      const { status, body } = await answer;
      return { status, code: body.error.code, message: body.error.message };
    };
    expect(await error(t.as.author.transition(randomUUID(), 'submit', 1))).toEqual({ status: 404, code: 'not_found', message: 'Diese Pressemitteilung gibt es im Portal nicht.' });

    const id = randomUUID();
    await t.as.author.put(id, release('Abläufe'));
    expect(await error(t.as.author.transition(id, 'submit', 2))).toEqual({ status: 409, code: 'conflict', message: 'Die Aktion bezieht sich auf Revision 2, aktuell ist Revision 1.' });
    expect(await error(t.as.approver.transition(id, 'approve', 1))).toEqual({ status: 409, code: 'conflict', message: '„approve“ ist im Status „Entwurf“ nicht möglich.' });
    // The role is asked before the status.
    expect(await error(t.as.author.transition(id, 'withdraw', 1, { reason: 'Falsch' }))).toEqual({ status: 403, code: 'forbidden', message: 'Diese Aktion ist Ihrer Rolle (author) nicht erlaubt.' });
    expect(await error(t.as.author.transition(id, 'publish', 1))).toEqual({ status: 409, code: 'conflict', message: '„publish“ ist im Status „Entwurf“ nicht möglich.' });
    expect((await t.as.author.transition(id, 'submit', 1)).body.status).toBe('in_review');
    expect(await error(t.as.author.transition(id, 'submit', 1))).toEqual({ status: 409, code: 'conflict', message: '„submit“ ist im Status „In Prüfung“ nicht möglich.' });
    expect(await error(t.as.author2.transition(id, 'request_changes', 1))).toEqual({ status: 403, code: 'forbidden', message: 'Diese Aktion ist Ihrer Rolle (author) nicht erlaubt.' });
    expect((await t.as.approver.transition(id, 'request_changes', 1)).body.status).toBe('changes_requested');
    expect((await t.as.author.transition(id, 'submit', 1)).body.status).toBe('in_review');
    expect((await t.as.admin.transition(id, 'approve', 1)).body).toMatchObject({ status: 'approved', approvedRevision: 1 });
    expect(await error(t.as.approver.transition(id, 'withdraw', 1, { reason: 'Falsch' }))).toEqual({ status: 409, code: 'conflict', message: '„withdraw“ ist im Status „Freigegeben“ nicht möglich.' });
    expect(await error(t.as.author.transition(id, 'correct', 1, { reason: 'Zahl' }))).toEqual({ status: 409, code: 'conflict', message: 'Nur eine veröffentlichte Pressemitteilung kann korrigiert werden.' });
    expect(await error(t.as.author.transition(id, 'publish', 1, { at: '2026-11-29T07:58:00.000Z' }))).toEqual({ status: 422, code: 'invalid_content', message: 'Der Zeitpunkt liegt in der Vergangenheit.' });

    // An approval that does not belong to the revision (the table's last word on it; the API resets it on every change).
    t.server.portal.db.prepare('UPDATE articles SET approved_revision = NULL WHERE id = ?').run(id);
    expect(await error(t.as.author.transition(id, 'publish', 1))).toEqual({ status: 409, code: 'conflict', message: 'Revision 1 ist nicht freigegeben.' });
    t.server.portal.db.prepare('UPDATE articles SET approved_revision = 1 WHERE id = ?').run(id);

    expect((await t.as.author.transition(id, 'publish', 1)).body.status).toBe('published');
    await t.as.author.put(id, release('Abläufe, berichtigt'), 1);
    await t.as.author.transition(id, 'submit', 2);
    await t.as.approver.transition(id, 'approve', 2);
    expect(await error(t.as.author.transition(id, 'publish', 2))).toEqual({ status: 409, code: 'conflict', message: 'Die Pressemitteilung ist bereits veröffentlicht; eine neue Fassung geht mit „correct“ online.' });
    expect(await error(t.as.author.transition(id, 'correct', 2, { reason: '  ' }))).toEqual({ status: 422, code: 'invalid_content', message: 'Bitte geben Sie einen Grund an.' });
    expect((await t.as.author.transition(id, 'correct', 2, { reason: 'Zahl berichtigt', at: '2026-11-29T09:00:00.000Z' })).body).toMatchObject({ status: 'scheduled', scheduledAt: '2026-11-29T09:00:00.000Z' });
    expect(await error(t.as.approver.transition(id, 'withdraw', 2))).toEqual({ status: 422, code: 'invalid_content', message: 'Bitte geben Sie einen Grund an.' });
    expect((await t.as.approver.transition(id, 'withdraw', 2, { reason: 'Doch nicht' })).body.status).toBe('withdrawn');
    const history = (await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body.map((entry: { action: string }) => entry.action);
    expect(history).toEqual(['created', 'submit', 'request_changes', 'submit', 'approve', 'publish', 'updated', 'submit', 'approve', 'correct', 'withdraw']);
  });
});
