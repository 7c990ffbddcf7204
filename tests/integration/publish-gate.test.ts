import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { checkArticle } from '../../common/checks/rules.js';
import type { Profile } from '../../common/portal-api.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';
import { until } from '../until.js';
import { operator } from '../../portal/portal.js';

const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

/** A release that passes the checks, with its metadata changed where given. */
function release(title: string, meta: Partial<Article['meta']> = {}): Article {
  const base = emptyArticle();
  const paragraph = { type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: `${title}: der Text.` }] };
  return { ...base, meta: { ...base.meta, title, lead: 'Ein Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29', ...meta }, body: { type: 'doc', content: [paragraph] } };
}

/** The gate before "Veröffentlichen" checks the approved revision that goes live, not the local text. */
describe('the publish gate', () => {
  const temporary: Array<ReturnType<typeof makeTempDirectory>> = [];
  let services: AppServices;
  let portal: PortalServer;

  beforeEach(async () => {
    const [app, portalData] = [makeTempDirectory(), makeTempDirectory()];
    temporary.push(app, portalData);
    portal = await startPortalServer({ dataDirectory: portalData.path, profile });
    for (const [name, role] of [['redaktion', 'author'], ['freigabe', 'approver'], ['freigabe2', 'approver']] as const) portal.portal.addUser(name, role, `${name}-passwort`, ['tfm']);
    services = await openAppServices(app.path, { dailyBackups: false });
  });
  afterEach(async () => {
    await services.close();
    await portal.close();
    for (const directory of temporary.splice(0)) directory.remove();
  });

  /** Submitted from the app (with an override when given), approved on the portal by someone else, pulled. */
  async function approved(article: Article, submitOverride?: string): Promise<string> {
    const draft = services.drafts.create(article);
    services.sync.submit(draft.id, submitOverride);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    portal.portal.transition({ name: 'freigabe2', role: 'approver', ministries: ['tfm'] }, draft.id, { action: 'approve', revision: services.sync.releaseState(draft.id).portalRevision! });
    await services.sync.pull();
    expect(services.sync.releaseState(draft.id).portalStatus).toBe('approved');
    return draft.id;
  }

  it('publishes the approved revision when it is clean, whatever errors the local text has since', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const id = await approved(release('Sauber freigegeben'));
    // Written on after the approval: the local text now lacks its title (an error of the checks).
    const local = services.drafts.get(id);
    services.drafts.save(id, local.version, { ...local.article, meta: { ...local.article.meta, title: '' } });
    const localErrors = checkArticle(services.drafts.get(id).article, { profile: services.sync.cachedProfile() }).filter((finding) => finding.severity === 'error');
    expect(localErrors.map((finding) => finding.ruleId)).toContain('preflight.title');
    expect(services.sync.publishCandidate(id)).toMatchObject({ meta: { title: 'Sauber freigegeben' } });

    services.sync.publish(id, null);
    await until(() => services.sync.releaseState(id).portalStatus === 'published');
    const { url } = services.sync.releaseState(id);
    expect(await (await fetch(url!)).text()).toContain('Sauber freigegeben: der Text.');
    expect(portal.portal.getArticle(operator, id)).toMatchObject({ publishedRevision: 1, article: { meta: { title: 'Sauber freigegeben' } } });
  });

  it('refuses an approved revision with errors unless an approver overrides them with a reason; an author may not', async () => {
    await services.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
    const id = await approved(release('Ohne Datum', { date: '' }), 'Datum folgt nach Abstimmung mit dem Büro.');

    expect(() => services.sync.publish(id, null)).toThrow('Die Pressemitteilung hat noch 1 Fehler:');
    expect(services.sync.releaseState(id).pending).toBe(0);

    // Signed in as an author, the same release: an override is not theirs to give.
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    expect(() => services.sync.publish(id, null, 'Das Datum reichen wir sofort nach.')).toThrow('Nur Freigebende dürfen sich über Fehler der Prüfung hinwegsetzen.');
    expect(services.sync.releaseState(id).pending).toBe(0);

    await services.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
    services.sync.publish(id, null, 'Das Datum reichen wir sofort nach.');
    await until(() => services.sync.releaseState(id).portalStatus === 'published');
    expect(services.sync.releaseState(id).problem).toBeNull();
    expect(portal.portal.history(operator, id).map((entry) => [entry.action, entry.actor, entry.reason])).toContainEqual(['override', 'freigabe', 'Das Datum reichen wir sofort nach. [preflight.date]']);
  });

  it('refuses a block the portal cannot render, even with an override', async () => {
    await services.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
    const id = await approved(release('Nicht darstellbar'));
    // The portal's profile, as cached at sign-in, no longer renders text blocks.
    const cached = services.sync.cachedProfile()!;
    const changed: Profile = { ...cached, elementTypes: cached.elementTypes.map((type) => (type.name === 'text' ? { ...type, renderable: false } : type)) };
    services.database.prepare("UPDATE settings SET value = ? WHERE key = 'portal.profile'").run(JSON.stringify(changed));

    expect(() => services.sync.publish(id, null)).toThrow('kann im Portal nicht dargestellt werden');
    expect(() => services.sync.publish(id, null, 'Trotzdem, es eilt sehr.')).toThrow('kann im Portal nicht dargestellt werden');
    expect(services.sync.releaseState(id).pending).toBe(0);
  });

  it('refuses in German while the approved revision is not known here, instead of checking the local text', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const draft = services.drafts.create(release('Noch nicht freigegeben'));
    expect(() => services.sync.publish(draft.id, null)).toThrow('Nur eine freigegebene Pressemitteilung kann veröffentlicht werden.');

    const id = await approved(release('Text fehlt noch'));
    // As after the update that began keeping the portal's text, before the next pull.
    services.database.prepare('UPDATE sync_state SET portal_content = NULL, portal_content_revision = NULL WHERE article_id = ?').run(id);
    expect(services.sync.publishCandidate(id)).toBeNull();
    expect(() => services.sync.publish(id, null)).toThrow('Die freigegebene Fassung, die online gehen würde, ist noch nicht aus dem Portal geladen.');
    expect(() => services.sync.correct(id, 'Zahl berichtigt')).toThrow('Nur eine freigegebene Pressemitteilung kann veröffentlicht werden.');
    expect(services.sync.releaseState(id).pending).toBe(0);

    await services.sync.pull();
    services.sync.publish(id, null);
    await until(() => services.sync.releaseState(id).portalStatus === 'published');
  });
});
