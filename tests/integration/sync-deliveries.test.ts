import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../portal/portal.js';
import { until } from '../until.js';
import { startWordPress } from '../wordpress/wordpress.js';
import { startAppWithPortal, stopAppWithPortal, type AppWithPortal } from './app-with-portal.js';
import { release } from './portal-harness.js';

// A real WordPress from Debian's packages (tests/wordpress/start.sh); skipped only when it cannot start, saying why.
const started = startWordPress();
const site = 'site' in started ? started.site : null;
if (!site) console.warn(`WordPress tests skipped: ${'reason' in started ? started.reason : ''}`);

describe.skipIf(!site)(`the app and the portal's deliveries${site ? '' : ' (skipped: WordPress could not be started)'}`, () => {
  let env: AppWithPortal;
  beforeEach(async () => {
    env = await startAppWithPortal();
    env.portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    env.portal.portal.addUser('freigabe2', 'approver', 'freigabe2-passwort', ['tfm']);
    await env.services.sync.connect(env.portal.url, 'freigabe', 'freigabe-passwort');
  });
  afterEach(() => stopAppWithPortal(env));
  afterAll(() => site?.purge());

  it('a failed delivery shows with WordPress’s reason; an approver’s "Erneut versuchen" delivers it once the rights are there', async () => {
    // A WordPress user who may not publish: the delivery fails.
    env.portal.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: site!.url, user: site!.contributor, secret: site!.contributorPassword });
    const { services, portal } = env;
    const draft = services.drafts.create(release('Neue Förderung'));
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    portal.portal.transition({ name: 'freigabe2', role: 'approver', ministries: ['tfm'] }, draft.id, { action: 'approve', revision: 1 });
    await services.sync.pull();
    services.sync.publish(draft.id, null);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'published');
    await portal.portal.deliveries.runDue();
    await services.sync.pull();
    const failed = services.sync.releaseState(draft.id).deliveries.find((delivery) => delivery.destination === 'wordpress')!;
    expect(failed).toMatchObject({ status: 'failed', url: null });
    expect(failed.error).toMatch(/^WordPress verweigert das: /);
    expect(services.sync.overview().find((entry) => entry.id === draft.id)?.deliveries.map((delivery) => delivery.status)).toEqual(expect.arrayContaining(['failed']));

    // The web team fixes the rights; the approver retries from the app.
    portal.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: site!.url, user: site!.user, secret: site!.password });
    const retried = await services.sync.retryDelivery(draft.id, 'wordpress');
    expect(retried.deliveries.find((delivery) => delivery.destination === 'wordpress')?.status).toBe('pending');
    await portal.portal.deliveries.runDue();
    await services.sync.pull();
    const delivered = services.sync.releaseState(draft.id).deliveries.find((delivery) => delivery.destination === 'wordpress')!;
    expect(delivered.status).toBe('delivered');
    expect(delivered.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(portal.portal.getArticle(operator, draft.id).deliveries?.find((delivery) => delivery.destination === 'wordpress')?.status).toBe('delivered');
  });

  it('"Erneut versuchen" is refused in German where there is nothing to retry', async () => {
    const { services } = env;
    const draft = services.drafts.create(release('Nichts zu wiederholen'));
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    await expect(services.sync.retryDelivery(draft.id, 'wordpress')).rejects.toThrow(/^Das Portal hat den neuen Versuch abgelehnt: /);
  });
});
