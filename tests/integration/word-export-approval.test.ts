import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { exportWord } from '../../main/services/word-export.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';
import { until } from '../until.js';
import { release as harnessRelease } from './portal-harness.js';

const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

/** A release that passes the checks, with an embargo ahead ("Sperrfrist" on the outputs). */
const release = (title: string) => harnessRelease(title, { embargo: '2099-12-01T10:00' });

/** "ENTWURF" in the Word file and the print view, against a real portal: gone exactly while the text is the approved one. */
describe('the draft mark of the outputs', () => {
  const temporary: Array<ReturnType<typeof makeTempDirectory>> = [];
  let services: AppServices;
  let portal: PortalServer;

  beforeEach(async () => {
    const [app, portalData] = [makeTempDirectory(), makeTempDirectory()];
    temporary.push(app, portalData);
    portal = await startPortalServer({ dataDirectory: portalData.path, profile });
    for (const [name, role] of [['redaktion', 'author'], ['freigabe', 'approver']] as const) portal.portal.addUser(name, role, `${name}-passwort`, ['tfm']);
    services = await openAppServices(app.path, { dailyBackups: false });
  });
  afterEach(async () => {
    await services.close();
    await portal.close();
    for (const directory of temporary.splice(0)) directory.remove();
  });

  async function wordText(id: string): Promise<string> {
    const { data } = await exportWord(services, id);
    return (await mammoth.extractRawText({ buffer: Buffer.from(data, 'base64') })).value;
  }

  it('is there until the portal approved this very text, gone after the approval, and back after a local change', async () => {
    const dispatch = createDispatcher(createHandlers(services));
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const { id } = services.drafts.create(release('Freigegebene Mitteilung'));
    expect(await wordText(id)).toContain('ENTWURF – nicht zur Veröffentlichung');

    services.sync.submit(id);
    await until(() => services.sync.releaseState(id).portalStatus === 'in_review');
    expect(await wordText(id)).toContain('ENTWURF');
    portal.portal.transition({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, id, { action: 'approve', revision: services.sync.releaseState(id).portalRevision! });
    await services.sync.pull();
    expect(services.sync.releaseState(id).portalStatus).toBe('approved');

    const approved = await wordText(id);
    expect(approved).not.toContain('ENTWURF');
    expect(approved).toContain('Sperrfrist: 01.12.2099, 10:00 Uhr');
    expect(await dispatch('drafts.approval', { id })).toEqual({ ok: true, value: { approved: true } });

    // Written on after the approval (not yet sent): a draft again.
    const local = services.drafts.get(id);
    services.drafts.save(id, local.version, { ...local.article, meta: { ...local.article.meta, lead: 'Ein geänderter Vorspann.' } });
    expect(await wordText(id)).toContain('ENTWURF – nicht zur Veröffentlichung');
    expect(await dispatch('drafts.approval', { id })).toEqual({ ok: true, value: { approved: false } });
  });
});
