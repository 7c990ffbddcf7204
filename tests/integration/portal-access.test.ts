import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { release, usePortal } from './portal-harness.js';

const digital = 'Thüringer Ministerium für Digitales und Infrastruktur';

describe('authorization by ministry on the reference portal', () => {
  const t = usePortal();

  it("another ministry's release is not found, whatever the path: read, list, history, comments, edit, every transition", async () => {
    const { id } = await t.approved(release('Nur für das Finanzministerium'));
    const comment = await t.as.approver.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'p-1', revision: 1, text: 'Intern.' });
    expect(comment.status).toBe(201);

    for (const other of [t.as.otherAuthor, t.as.otherApprover]) {
      const notFound = { error: { code: 'not_found', message: 'Diese Pressemitteilung gibt es im Portal nicht.' } };
      for (const path of [`/api/v1/articles/${id}`, `/api/v1/articles/${id}/history`, `/api/v1/articles/${id}/comments`]) {
        expect(await other.call('GET', path)).toMatchObject({ status: 404, body: notFound });
      }
      expect((await other.call('GET', '/api/v1/articles')).body).toMatchObject({ items: [], total: 0 });
      expect(await other.put(id, release('Überschrieben'), 1)).toMatchObject({ status: 404, body: notFound });
      // Even naming the author's own ministry: the release stays theirs.
      expect((await other.put(id, release('Überschrieben', { ministry: digital }), 1)).status).toBe(404);
      for (const action of ['publish', 'withdraw', 'request_changes', 'approve', 'submit']) {
        expect(await other.transition(id, action, 1, action === 'withdraw' ? { reason: 'Falsch.' } : {})).toMatchObject({ status: 404, body: notFound });
      }
      expect((await other.call('POST', `/api/v1/articles/${id}/comments`, { blockId: 'p-1', revision: 1, text: 'Fremd.' })).status).toBe(404);
      expect((await other.call('POST', `/api/v1/articles/${id}/comments/${comment.body.id}/resolve`)).status).toBe(404);
    }
    // Nothing changed; the ministry's own people and the admin see it.
    const own = await t.as.author2.call('GET', `/api/v1/articles/${id}`);
    expect(own.body).toMatchObject({ revision: 1, status: 'approved' });
    expect((await t.as.admin.call('GET', '/api/v1/articles')).body.total).toBe(1);
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}/comments`)).body[0].resolvedAt).toBeNull();
  });

  it('colleagues of one ministry edit each other\'s releases, and the history names who', async () => {
    const id = randomUUID();
    await t.as.author.put(id, release('Gemeinsam'));
    await t.as.author.transition(id, 'submit', 1);
    expect((await t.as.author2.put(id, release('Gemeinsam, verbessert'), 1)).status).toBe(200);
    const history = (await t.as.approver.call('GET', `/api/v1/articles/${id}/history`)).body.map((entry: { action: string; actor: string }) => `${entry.action}:${entry.actor}`);
    expect(history).toEqual(['created:redaktion', 'submit:redaktion', 'updated:redaktion2']);
  });

  it("a release is created or moved only into one of the writer's ministries (an admin's: any); without one it goes to the writer's own", async () => {
    const foreign = await t.as.author.put(randomUUID(), release('Fremd angelegt', { ministry: digital }));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toBe(`Pressemitteilungen des Ministeriums „${digital}“ dürfen Sie nicht anlegen oder dorthin verschieben; Sie gehören zu: Thüringer Finanzministerium.`);

    const id = randomUUID();
    await t.as.author.put(id, release('Verschoben'));
    expect((await t.as.author.put(id, release('Verschoben', { ministry: digital }), 1)).status).toBe(403);
    // The admin moves it: from then on it is the other ministry's.
    expect((await t.as.admin.put(id, release('Verschoben', { ministry: digital }), 1)).status).toBe(200);
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).status).toBe(404);
    expect((await t.as.otherAuthor.call('GET', `/api/v1/articles/${id}`)).body.revision).toBe(2);

    const unnamed = randomUUID();
    await t.as.otherAuthor.put(unnamed, release('Ohne Ministerium', { ministry: '' }));
    expect((await t.as.otherApprover.call('GET', `/api/v1/articles/${unnamed}`)).status).toBe(200);
    expect((await t.as.approver.call('GET', `/api/v1/articles/${unnamed}`)).status).toBe(404);
  });

  it('releases from before ministries were assigned belong to the ministry their text names; the rest only admins see', async () => {
    const named = randomUUID();
    await t.as.author.put(named, release('Von früher'));
    const unnamed = randomUUID();
    await t.as.admin.put(unnamed, release('Von früher, ohne Ministerium', { ministry: '' }));
    t.server.portal.db.prepare('UPDATE articles SET ministry = NULL').run();
    await t.server.close();
    await t.start();
    await t.loginAll();
    expect((await t.as.author.call('GET', '/api/v1/articles')).body.items.map((item: { id: string }) => item.id)).toEqual([named]);
    expect((await t.as.admin.call('GET', '/api/v1/articles')).body.total).toBe(2);
  });

  it('a session names the ministries of the person', async () => {
    const response = await fetch(`${t.server.url}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'freigabe-tmdi', password: 'freigabe-tmdi-passwort' }) });
    expect(((await response.json()) as { user: unknown }).user).toEqual({ name: 'freigabe-tmdi', role: 'approver', ministries: ['tmdi'] });
    const profile = (await t.as.author.call('GET', '/api/v1/profile')).body;
    expect(profile.ministryIds).toMatchObject({ 'Thüringer Finanzministerium': 'tfm', [digital]: 'tmdi' });
  });
});
