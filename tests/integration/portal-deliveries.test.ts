import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeliveryError, registerDestinationType, type DeliveryJob } from '../../portal/destinations.js';
import { release, usePortal } from './portal-harness.js';

/** A destination that records what reached it; `down` makes it unreachable, `refuse` refuses for good. */
const fake = { delivered: [] as Array<Pick<DeliveryJob, 'articleId' | 'revision' | 'action'>>, down: false, refuse: false };
registerDestinationType('fake', (config) => ({
  async deliver(job) {
    if (fake.down) throw new DeliveryError('Das Ziel ist nicht erreichbar.');
    if (fake.refuse) throw new DeliveryError('Das Ziel verweigert das.', true);
    fake.delivered.push({ articleId: job.articleId, revision: job.revision, action: job.action });
    return { url: job.action === 'withdraw' ? null : `${config.url}/${job.slug}` };
  },
  test: () => Promise.resolve([{ ok: true, message: 'ok' }]),
}));

describe('the publish queue', () => {
  const t = usePortal();
  const setUp = () => {
    Object.assign(fake, { delivered: [], down: false, refuse: false });
    t.server.portal.addDestination({ name: 'cms', type: 'fake', url: 'https://cms.example', user: 'presse', secret: 'geheim-123' });
  };

  it('publishes to the website at once and to a destination by the worker; the secret is never answered', async () => {
    setUp();
    const { id } = await t.approved(release('Queue'));
    const published = await t.as.author.transition(id, 'publish', 1);
    expect(published.body.deliveries).toEqual([
      { destination: 'website', status: 'delivered', attempts: 1, error: null, url: published.body.url },
      expect.objectContaining({ destination: 'cms', status: 'pending', attempts: 0 }),
    ]);
    expect(JSON.stringify(published.body)).not.toContain('geheim-123');
    await t.server.portal.deliveries.runDue();
    const after = await t.as.author.call('GET', `/api/v1/articles/${id}`);
    expect(after.body.deliveries[1]).toMatchObject({ destination: 'cms', status: 'delivered', attempts: 1, error: null, url: expect.stringMatching(/^https:\/\/cms\.example\/queue-/) });
    expect(fake.delivered).toEqual([{ articleId: id, revision: 1, action: 'publish' }]);
  });

  it('keeps a job pending while the destination is down, across a restart, and delivers it once', async () => {
    setUp();
    fake.down = true;
    const { id } = await t.approved(release('Unterwegs'));
    await t.as.author.transition(id, 'publish', 1);
    await t.server.portal.deliveries.runDue();
    let article = await t.as.author.call('GET', `/api/v1/articles/${id}`);
    expect(article.body.deliveries[1]).toMatchObject({ status: 'pending', attempts: 1, error: 'Das Ziel ist nicht erreichbar.' });

    await t.server.close();
    await t.start();
    await t.loginAll();
    fake.down = false;
    await t.server.portal.deliveries.runDue();
    expect(fake.delivered).toEqual([]); // not due yet: backoff
    t.clock += 60 * 60_000;
    await t.server.portal.deliveries.runDue();
    await t.server.portal.deliveries.runDue();
    article = await t.as.author.call('GET', `/api/v1/articles/${id}`);
    expect(article.body.deliveries[1]).toMatchObject({ status: 'delivered', attempts: 2, error: null });
    expect(fake.delivered).toEqual([{ articleId: id, revision: 1, action: 'publish' }]);
  });

  it('never delivers an older revision after a newer one: a correction supersedes the pending publication', async () => {
    setUp();
    const { id } = await t.approved(release('Fassung'));
    await t.as.author.transition(id, 'publish', 1);
    expect((await t.as.author.put(id, release('Fassung zwei'), 1)).status).toBe(200);
    await t.as.author.transition(id, 'submit', 2);
    await t.as.approver.transition(id, 'approve', 2);
    await t.as.approver.transition(id, 'correct', 2, { reason: 'Zahl korrigiert' });
    await t.as.approver.transition(id, 'withdraw', 2, { reason: 'Zurückgezogen' });
    await t.server.portal.deliveries.runDue();
    // The server's own worker may have delivered the publication before the correction came
    // (on a slow machine it does); what may never happen is an older revision after a newer one.
    expect(fake.delivered.at(-1)).toEqual({ articleId: id, revision: 2, action: 'withdraw' });
    const revisions = fake.delivered.map((entry) => entry.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(fake.delivered.filter((entry) => entry.action === 'withdraw')).toHaveLength(1);
    const article = await t.as.author.call('GET', `/api/v1/articles/${id}`);
    expect(article.body.deliveries).toEqual([
      { destination: 'website', status: 'delivered', attempts: 1, error: null, url: null },
      { destination: 'cms', status: 'delivered', attempts: 1, error: null, url: null },
    ]);
  });

  it('a destination added later gets what is live on the website by "backfill": corrected as a correction, nothing withdrawn, nothing twice', async () => {
    Object.assign(fake, { delivered: [], down: false, refuse: false });
    const first = await t.approved(release('Vorher veröffentlicht'));
    await t.as.author.transition(first.id, 'publish', 1);
    const corrected = await t.approved(release('Vorher korrigiert'));
    await t.as.author.transition(corrected.id, 'publish', 1);
    expect((await t.as.author.put(corrected.id, release('Vorher korrigiert, zweite Fassung'), 1)).status).toBe(200);
    await t.as.author.transition(corrected.id, 'submit', 2);
    await t.as.approver.transition(corrected.id, 'approve', 2);
    await t.as.approver.transition(corrected.id, 'correct', 2, { reason: 'Zahl korrigiert' });
    const withdrawn = await t.approved(release('Vorher zurückgezogen'));
    await t.as.author.transition(withdrawn.id, 'publish', 1);
    await t.as.approver.transition(withdrawn.id, 'withdraw', 1, { reason: 'Zurückgezogen' });
    const draft = randomUUID();
    expect((await t.as.author.put(draft, release('Noch Entwurf'))).status).toBe(201);

    t.server.portal.addDestination({ name: 'cms', type: 'fake', url: 'https://cms.example', user: 'presse', secret: 'geheim-123' });
    expect(t.server.portal.deliveries.backfill('cms')).toBe(2);
    expect(t.server.portal.deliveries.backfill('cms')).toBe(0);
    await t.server.portal.deliveries.runDue();
    expect(fake.delivered).toEqual([
      { articleId: first.id, revision: 1, action: 'publish' },
      { articleId: corrected.id, revision: 2, action: 'correct' },
    ]);
    for (const id of [withdrawn.id, draft]) {
      const article = await t.as.author.call('GET', `/api/v1/articles/${id}`);
      expect(article.body.deliveries.map((delivery: { destination: string }) => delivery.destination)).not.toContain('cms');
    }
  });

  it('a refused delivery fails; approvers (not authors, not other ministries) retry it', async () => {
    setUp();
    fake.refuse = true;
    const { id } = await t.approved(release('Abgelehnt'));
    await t.as.author.transition(id, 'publish', 1);
    await t.server.portal.deliveries.runDue();
    const failed = await t.as.author.call('GET', `/api/v1/articles/${id}`);
    expect(failed.body.deliveries[1]).toMatchObject({ status: 'failed', attempts: 1, error: 'Das Ziel verweigert das.' });

    const retryPath = `/api/v1/articles/${id}/deliveries/cms/retry`;
    expect((await t.as.author.call('POST', retryPath)).status).toBe(403);
    expect((await t.as.otherApprover.call('POST', retryPath)).status).toBe(404);
    expect((await t.as.approver.call('POST', `/api/v1/articles/${id}/deliveries/nirgends/retry`)).status).toBe(404);
    fake.refuse = false;
    const retried = await t.as.approver.call('POST', retryPath);
    expect(retried.status).toBe(200);
    expect(retried.body.deliveries[1]).toMatchObject({ status: 'pending' });
    expect((await t.as.approver.call('POST', retryPath)).status).toBe(409);
    await t.server.portal.deliveries.runDue();
    expect((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body.deliveries[1]).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
