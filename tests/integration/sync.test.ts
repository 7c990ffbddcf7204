import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { backoffMs } from '../../main/services/sync-engine.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';
import { until } from '../until.js';
import { profile, startAppWithPortal, stopAppWithPortal } from './app-with-portal.js';
import { release } from './portal-harness.js';
import { startLossyProxy } from '../lossy-proxy.js';
import { bluePng } from '../fixtures/media.js';
import { imageTypes } from '../../common/blocks/editor-fields.js';
import { operator } from '../../portal/portal.js';



describe('the sync engine against the reference portal', () => {
  let appTemp: ReturnType<typeof makeTempDirectory>;
  let portalTemp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let portal: PortalServer;

  beforeEach(async () => {
    ({ appTemp, portalTemp, services, portal } = await startAppWithPortal());
  });
  afterEach(async () => {
    await stopAppWithPortal({ appTemp, portalTemp, services, portal });
  });

  it('signs in over HTTPS or on loopback only, and says in German why not', async () => {
    await expect(services.sync.connect('http://portal.example.org', 'redaktion', 'x')).rejects.toThrow('Die Portal-Adresse muss mit https:// beginnen');
    await expect(services.sync.connect('kein url', 'redaktion', 'x')).rejects.toThrow('„kein url“ ist keine gültige Portal-Adresse.');
    await expect(services.sync.connect(portal.url, 'redaktion', 'falsch')).rejects.toThrow('Das Portal hat die Anmeldung abgelehnt: Benutzername oder Passwort ist falsch.');
    const status = await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    expect(status).toMatchObject({ connected: true, username: 'redaktion', role: 'author', portalName: 'Freistaat Thüringen – Medieninformationen', pending: 0 });
    expect(services.sync.cachedProfile()?.profileVersion).toBe('2026-11-29.1');
    // The password is nowhere in the local database.
    expect(JSON.stringify(services.database.prepare('SELECT * FROM settings').all())).not.toContain('redaktion-passwort');
    expect(services.sync.disconnect().connected).toBe(false);
  });

  it('"Zur Freigabe einreichen" delivers the text and the submission, once, in order', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const draft = services.drafts.create(release('Haushalt 2027'));
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).pending === 0);
    expect(services.sync.releaseState(draft.id)).toMatchObject({ portalStatus: 'in_review', portalRevision: 1, pending: 0, problem: null });
    expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ status: 'in_review', revision: 1, createdBy: 'redaktion', article: draft.article });
    expect(portal.portal.history(operator, draft.id).map((entry) => `${entry.action}:${entry.actor}`)).toEqual(['created:redaktion', 'submit:redaktion']);
    expect(services.history.list(draft.id)[0]!.reason).toBe('submit');
  });

  it('while the portal is down, the submission waits in the outbox; once it is back, it is delivered once', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const port = portal.port;
    await portal.close();
    const draft = services.drafts.create(release('Offline eingereicht'));
    services.sync.submit(draft.id);
    await until(() => !services.sync.status().online);
    expect(services.sync.status()).toMatchObject({ online: false, pending: 2 });

    portal = await startPortalServer({ dataDirectory: portalTemp.path, profile, port });
    await until(() => services.sync.releaseState(draft.id).pending === 0, 15_000);
    expect(services.sync.status().online).toBe(true);
    expect(portal.portal.listArticles(operator, undefined, 10, 0).total).toBe(1);
    expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ status: 'in_review', revision: 1 });
  });

  it('an expired sign-in keeps everything queued until the person signs in again', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    portal.portal.db.prepare('DELETE FROM sessions').run();
    const draft = services.drafts.create(release('Abgelaufen'));
    services.sync.submit(draft.id);
    await until(() => services.sync.status().signInRequired);
    expect(services.sync.status()).toMatchObject({ connected: false, pending: 2 });
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    await until(() => services.sync.releaseState(draft.id).pending === 0);
    expect(portal.portal.getArticle(operator, draft.id).status).toBe('in_review');
  });

  it('a refusal is shown in the portal\'s words, and what was queued after it is not sent', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const draft = services.drafts.create({ ...release('Ohne Datum'), meta: { ...release('Ohne Datum').meta, date: '' } });
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).pending === 0);
    const state = services.sync.releaseState(draft.id);
    expect(state.problem).toMatch(/^Die Prüfung hat 1 Fehler gefunden/);
    expect(state.portalStatus).toBe('draft');

    // Fixed and submitted again: the old refusal is history, not a problem any more.
    const current = services.drafts.get(draft.id);
    services.drafts.save(draft.id, current.version, { ...current.article, meta: { ...current.article.meta, date: '2026-11-29' } });
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    expect(services.sync.releaseState(draft.id).problem).toBeNull();
  });

  it('round trip: submitted, pulled into the approver\'s inbox, approved for the revision shown, published with its public address', async () => {
    portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    const approverTemp = makeTempDirectory();
    const approver = await openAppServices(approverTemp.path, { dailyBackups: false });
    try {
      await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
      const draft = services.drafts.create(release('Rundreise'));
      services.sync.submit(draft.id);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');

      await approver.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
      const [copy] = approver.sync.inbox();
      expect(copy).toMatchObject({ id: draft.id, revision: 1, createdBy: 'redaktion', article: { meta: { title: 'Rundreise' } } });
      // The author cannot approve; they do not even see it in an inbox.
      expect(services.sync.inbox()).toEqual([]);
      approver.sync.review(draft.id, 'approve', 1);
      await until(() => approver.sync.status().pending === 0);
      expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ status: 'approved', approvedRevision: 1 });

      await services.sync.pull();
      expect(services.sync.releaseState(draft.id).portalStatus).toBe('approved');
      services.sync.publish(draft.id, null);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'published');
      const { url } = services.sync.releaseState(draft.id);
      expect(url).toMatch(/\/presse\/rundreise-/);
      expect(await (await fetch(url!)).text()).toContain('Rundreise: der Text.');
      expect(portal.portal.history(operator, draft.id).map((entry) => `${entry.action}:${entry.actor}`)).toEqual(['created:redaktion', 'submit:redaktion', 'approve:freigabe', 'publish:redaktion']);

      // A correction: edited, submitted, approved again, then "Korrigieren" with a note.
      const current = services.drafts.get(draft.id);
      services.drafts.save(draft.id, current.version, { ...current.article, body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: 'Rundreise: der berichtigte Text.' }] }] } });
      services.sync.submit(draft.id);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
      await approver.sync.pull();
      approver.sync.review(draft.id, 'approve', 2);
      await until(() => approver.sync.status().pending === 0);
      await services.sync.pull();
      expect(() => services.sync.publish(draft.id, null)).toThrow('Die Pressemitteilung ist schon veröffentlicht. Eine neue Fassung geht mit „Korrigieren“ online.');
      services.sync.correct(draft.id, 'Zahl berichtigt');
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'published');
      expect(await (await fetch(url!)).text()).toContain('Rundreise: der berichtigte Text.');
      expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ publishedRevision: 2, correctedAt: expect.any(String) });

      // The approver sees it among the live releases of others and withdraws it, with a reason.
      await approver.sync.pull();
      expect(approver.sync.live()).toMatchObject([{ id: draft.id, status: 'published', url }]);
      expect(approver.sync.inbox()).toEqual([]);
      approver.sync.withdraw(draft.id, 'Vorzeitig veröffentlicht');
      await until(() => approver.sync.status().pending === 0);
      expect(portal.portal.getArticle(operator, draft.id).status).toBe('withdrawn');
      expect((await fetch(url!)).status).toBe(410);
      expect(portal.portal.history(operator, draft.id).at(-1)).toMatchObject({ action: 'withdraw', actor: 'freigabe', reason: 'Vorzeitig veröffentlicht' });
      await approver.sync.pull();
      expect(approver.sync.live()).toEqual([]);
      await services.sync.pull();
      expect(services.sync.releaseState(draft.id).portalStatus).toBe('withdrawn');
    } finally {
      await approver.close();
      approverTemp.remove();
    }
  });

  it('the app refuses to approve an approver\'s own revision, and to publish before the embargo', async () => {
    portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    const approverTemp = makeTempDirectory();
    const approver = await openAppServices(approverTemp.path, { dailyBackups: false });
    try {
      await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
      const embargoed = { ...release('Sperrfrist'), meta: { ...release('Sperrfrist').meta, embargo: '2099-01-01T10:00' } };
      const draft = services.drafts.create(embargoed);
      services.sync.submit(draft.id);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
      // The approver changes the text on the portal: a revision of their own.
      const session = portal.portal.login('freigabe', 'freigabe-passwort', 'test');
      portal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, draft.id, { ...embargoed, meta: { ...embargoed.meta, lead: 'Verbessert.' } }, 1);
      portal.portal.transition({ name: 'redaktion', role: 'author', ministries: ['tfm'] }, draft.id, { action: 'submit', revision: 2 });
      expect(session.token).toBeTruthy();

      await approver.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
      expect(() => approver.sync.review(draft.id, 'approve', 2)).toThrow('Vier-Augen-Prinzip');

      portal.portal.addUser('freigabe2', 'approver', 'freigabe2-passwort', ['tfm']);
      const second = portal.portal.login('freigabe2', 'freigabe2-passwort', 'test');
      expect(second.user.name).toBe('freigabe2');
      portal.portal.transition({ name: 'freigabe2', role: 'approver', ministries: ['tfm'] }, draft.id, { action: 'approve', revision: 2 });
      await services.sync.pull();
      expect(() => services.sync.publish(draft.id, null)).toThrow('Vor Ablauf der Sperrfrist (01.01.2099, 10:00 Uhr) kann nicht veröffentlicht werden.');
    } finally {
      await approver.close();
      approverTemp.remove();
    }
  });

  it('the connection is cut after the portal received the save but before its answer arrived: still one article, one revision', async () => {
    const proxy = await startLossyProxy(portal.port);
    try {
      await services.sync.connect(`http://127.0.0.1:${proxy.port}`, 'redaktion', 'redaktion-passwort');
      const draft = services.drafts.create(release('Verlorene Antwort'));
      proxy.match = /^PUT \/api\/v1\/articles\//;
      proxy.dropAnswers = 1;
      services.sync.submit(draft.id);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review', 15_000);
      expect(proxy.dropped).toBe(1);
      expect(portal.portal.listArticles(operator, undefined, 10, 0).total).toBe(1);
      expect(portal.portal.getArticle(operator, draft.id).revision).toBe(1);
      expect(portal.portal.history(operator, draft.id).map((entry) => entry.action)).toEqual(['created', 'submit']);
    } finally {
      await proxy.close();
    }
  });

  it('a newer revision someone else stored shows as a conflict at the next pull, before any save; the same text only moves the base', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const draft = services.drafts.create(release('Vom Portal überholt'));
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    const theirs = { ...release('Vom Portal überholt'), meta: { ...release('Vom Portal überholt').meta, lead: 'Von der Freigabe verbessert.' } };
    portal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, draft.id, theirs, 1);

    await services.sync.pull();
    expect(services.sync.releaseState(draft.id).conflict).toMatchObject({ portalRevision: 2, updatedBy: 'freigabe', article: { meta: { lead: 'Von der Freigabe verbessert.' } } });
    expect(services.drafts.get(draft.id).article.meta.lead).toBe('Ein Vorspann.');
    services.sync.resolve(draft.id, 'portal');
    expect(services.drafts.get(draft.id).article.meta.lead).toBe('Von der Freigabe verbessert.');
    expect(services.sync.releaseState(draft.id)).toMatchObject({ conflict: null, portalRevision: 2 });

    // Someone stores the very text this copy already has: no conflict, the base moves on.
    const local = services.drafts.get(draft.id).article;
    portal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, draft.id, { ...local, meta: { ...local.meta, lead: 'Zwischenstand.' } }, 2);
    portal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, draft.id, local, 3);
    await services.sync.pull();
    expect(services.sync.releaseState(draft.id)).toMatchObject({ conflict: null, portalRevision: 4 });
  });

  it('author and approver edit at once: the conflict is kept with both versions; the person takes one, nothing is lost', async () => {
    portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const draft = services.drafts.create(release('Gleichzeitig'));
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    // The approver improves the lead on the portal (revision 2) …
    const theirs = { ...release('Gleichzeitig'), meta: { ...release('Gleichzeitig').meta, lead: 'Vom Freigeber verbessert.' } };
    portal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, draft.id, theirs, 1);
    // … while the author goes on writing and submits again.
    const mine = { ...release('Gleichzeitig'), meta: { ...release('Gleichzeitig').meta, lead: 'Von der Redaktion ergänzt.' } };
    services.drafts.save(draft.id, services.drafts.get(draft.id).version, mine);
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).conflict !== null);
    const state = services.sync.releaseState(draft.id);
    expect(state.conflict).toMatchObject({ portalRevision: 2, updatedBy: 'freigabe', article: { meta: { lead: 'Vom Freigeber verbessert.' } } });
    expect(state.pending).toBe(0);
    expect(portal.portal.getArticle(operator, draft.id).article.meta.lead).toBe('Vom Freigeber verbessert.');
    expect(services.drafts.get(draft.id).article.meta.lead).toBe('Von der Redaktion ergänzt.');

    // Keep mine: sent again, now based on revision 2; the portal keeps both as revisions.
    services.sync.resolve(draft.id, 'mine');
    await until(() => services.sync.releaseState(draft.id).pending === 0);
    expect(services.sync.releaseState(draft.id).conflict).toBeNull();
    expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ revision: 3, article: { meta: { lead: 'Von der Redaktion ergänzt.' } } });

    // Another round, this time taking the portal's version: the local one stays in the history.
    portal.portal.putArticle({ name: 'freigabe', role: 'approver', ministries: ['tfm'] }, draft.id, theirs, 3);
    services.drafts.save(draft.id, services.drafts.get(draft.id).version, { ...mine, meta: { ...mine.meta, lead: 'Noch einmal ergänzt.' } });
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).conflict !== null);
    services.sync.resolve(draft.id, 'portal');
    expect(services.drafts.get(draft.id).article.meta.lead).toBe('Vom Freigeber verbessert.');
    // The local version is a revision (written on submit, or now, if it changed since).
    const leads = services.history.list(draft.id).map((revision) => services.history.get(draft.id, revision.id).article.meta.lead);
    expect(leads).toContain('Noch einmal ergänzt.');
    expect(services.sync.releaseState(draft.id)).toMatchObject({ conflict: null, portalRevision: 4 });
  });

  it('the files a release uses go to the portal before its text', async () => {
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const image = await services.media.import('gewoelbe.png', bluePng, imageTypes);
    const draft = services.drafts.create({ ...release('Mit Bild'), meta: { ...release('Mit Bild').meta, teaserImage: { media: image, alt: 'Das Gewölbe', decorative: false, caption: '', credit: 'Land' } } });
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    expect(portal.portal.mediaFile(image.sha256)).toMatchObject({ mimeType: 'image/png', size: bluePng.length });
  });

  it('an approver gets the files of a release under review, edits it in the app ("Bearbeiten"), and may not approve the edit; someone else may', async () => {
    portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    portal.portal.addUser('freigabe2', 'approver', 'freigabe2-passwort', ['tfm']);
    const approverTemp = makeTempDirectory();
    const approver = await openAppServices(approverTemp.path, { dailyBackups: false });
    try {
      await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
      const image = await services.media.import('gewoelbe.png', bluePng, imageTypes);
      const withImage = { ...release('Mit Bild zur Prüfung'), meta: { ...release('Mit Bild zur Prüfung').meta, teaserImage: { media: image, alt: 'Das Gewölbe', decorative: false, caption: '', credit: 'Land' } } };
      const draft = services.drafts.create(withImage);
      services.sync.submit(draft.id);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');

      await approver.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
      // The review shows the author's image: it is in the approver's store, checked by its hash.
      expect(approver.media.file(image.sha256)).toMatchObject({ mimeType: 'image/png', size: bluePng.length });
      // … and stays while the release is under review, whatever the clean-up finds.
      expect(approver.collectMediaGarbage().marked).toBe(0);

      expect(approver.sync.edit(draft.id)).toEqual({ id: draft.id });
      const local = approver.drafts.get(draft.id);
      expect(local.article).toEqual(withImage);
      approver.drafts.save(draft.id, local.version, { ...local.article, meta: { ...local.article.meta, lead: 'Von der Freigabe verbessert.' } });
      approver.sync.submit(draft.id);
      await until(() => approver.sync.releaseState(draft.id).pending === 0);
      expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ revision: 2, status: 'in_review', updatedBy: 'freigabe', authors: ['freigabe', 'redaktion'] });

      await approver.sync.pull();
      expect(approver.sync.inbox().find((item) => item.id === draft.id)).toMatchObject({ revision: 2, mayApprove: false });
      expect(() => approver.sync.review(draft.id, 'approve', 2)).toThrow('Vier-Augen-Prinzip');
      // Taking it up again changes nothing while it is the same revision.
      approver.sync.edit(draft.id);
      expect(approver.drafts.get(draft.id).article.meta.lead).toBe('Von der Freigabe verbessert.');

      const second = await openAppServices(makeTempDirectory().path, { dailyBackups: false });
      try {
        await second.sync.connect(portal.url, 'freigabe2', 'freigabe2-passwort');
        expect(second.sync.inbox().find((item) => item.id === draft.id)).toMatchObject({ revision: 2, mayApprove: true });
        second.sync.review(draft.id, 'approve', 2);
        await until(() => second.sync.status().pending === 0);
        expect(portal.portal.getArticle(operator, draft.id)).toMatchObject({ status: 'approved', approvedRevision: 2 });
      } finally {
        await second.close();
        rmSync(second.dataDirectory, { recursive: true, force: true });
      }
    } finally {
      await approver.close();
      approverTemp.remove();
    }
  });

  it('a file the portal serves with other bytes than its hash says is not stored; the right one is, at the next pull', async () => {
    portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    const approverTemp = makeTempDirectory();
    const approver = await openAppServices(approverTemp.path, { dailyBackups: false });
    try {
      await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
      const image = await services.media.import('gewoelbe.png', bluePng, imageTypes);
      const draft = services.drafts.create({ ...release('Falsches Bild'), meta: { ...release('Falsches Bild').meta, teaserImage: { media: image, alt: 'Das Gewölbe', decorative: false, caption: '', credit: 'Land' } } });
      services.sync.submit(draft.id);
      await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
      const stored = portal.portal.mediaFile(image.sha256)!.path;
      const original = readFileSync(stored);
      writeFileSync(stored, Buffer.concat([original.subarray(0, original.length - 1), Buffer.from([original.at(-1)! ^ 0xff])]));

      await approver.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
      expect(approver.sync.inbox()).toHaveLength(1);
      expect(approver.media.file(image.sha256)).toBeNull();

      writeFileSync(stored, original);
      await approver.sync.pull();
      expect(approver.media.file(image.sha256)).toMatchObject({ size: bluePng.length });
    } finally {
      await approver.close();
      approverTemp.remove();
    }
  });

  it('an approver may submit despite check errors with a reason, which the portal records; an author may not', async () => {
    portal.portal.addUser('freigabe', 'approver', 'freigabe-passwort', ['tfm']);
    const defective = { ...release('Ohne Datum'), meta: { ...release('Ohne Datum').meta, date: '' } };
    await services.sync.connect(portal.url, 'freigabe', 'freigabe-passwort');
    const draft = services.drafts.create(defective);
    services.sync.submit(draft.id, 'Datum folgt nach Abstimmung mit dem Büro.');
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    expect(portal.portal.history(operator, draft.id).map((entry) => [entry.action, entry.actor, entry.reason])).toContainEqual(['override', 'freigabe', 'Datum folgt nach Abstimmung mit dem Büro. [preflight.date]']);

    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
    const other = services.drafts.create(defective);
    services.sync.submit(other.id, 'Datum folgt nach Abstimmung mit dem Büro.');
    await until(() => services.sync.releaseState(other.id).pending === 0);
    expect(services.sync.releaseState(other.id).problem).toBe('Nur Freigebende dürfen sich über Fehler der Prüfung hinwegsetzen.');
  });

  it('backs off between attempts, with jitter, up to five minutes', () => {
    expect(backoffMs(1, () => 1)).toBe(1_000);
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(4, () => 1)).toBe(8_000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
