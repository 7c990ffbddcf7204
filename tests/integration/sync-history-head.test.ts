import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { operator } from '../../portal/portal.js';
import { makeTempDirectory } from '../temp-directory.js';
import { until } from '../until.js';

const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

function release(title: string): Article {
  const base = emptyArticle();
  return {
    ...base,
    meta: { ...base.meta, title, lead: 'Ein Vorspann.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29' },
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p-1' }, content: [{ type: 'text', text: `${title}: der Text.` }] }] },
  };
}

describe('the app and the portal\'s history', () => {
  let appTemp: ReturnType<typeof makeTempDirectory>;
  let portalTemp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let portal: PortalServer;

  beforeEach(async () => {
    appTemp = makeTempDirectory();
    portalTemp = makeTempDirectory();
    portal = await startPortalServer({ dataDirectory: portalTemp.path, profile });
    portal.portal.addUser('redaktion', 'author', 'redaktion-passwort', ['tfm']);
    services = await openAppServices(appTemp.path, { dailyBackups: false });
    await services.sync.connect(portal.url, 'redaktion', 'redaktion-passwort');
  });
  afterEach(async () => {
    await services.close();
    await portal.close();
    appTemp.remove();
    portalTemp.remove();
  });

  const keptHead = () => {
    const value = services.database.prepare<[], string>("SELECT value FROM settings WHERE key = 'portal.historyHead'").pluck().get();
    return value === undefined ? null : (JSON.parse(value) as { url: string; seq: number; hash: string });
  };

  it('keeps the newest history entry the portal named, and warns when a later answer names an older one', async () => {
    const draft = services.drafts.create(release('Verankert'));
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).portalStatus === 'in_review');
    await services.sync.pull();
    const head = portal.portal.historyHead()!;
    expect(head.seq).toBe(2);
    expect(keptHead()).toMatchObject({ url: portal.url, seq: head.seq, hash: head.hash });
    expect(services.sync.status().historyWarning).toBeNull();

    // The newest entry (the submission) is removed from the portal's database.
    portal.portal.db.exec('DROP TRIGGER history_is_append_only_delete');
    portal.portal.db.prepare('DELETE FROM history WHERE seq = 2').run();
    await services.sync.pull();
    expect(services.sync.status().historyWarning).toBe(
      'Im Verlauf des Portals fehlen Einträge: Zuletzt war Eintrag 2 der neueste, jetzt ist es Eintrag 1. Bitte melden Sie das der Betreuung des Portals.',
    );
    // The anchor stays where it was: later entries do not hide the gap.
    expect(keptHead()).toMatchObject({ seq: 2, hash: head.hash });
  });

  it('a draft stored before the app cleaned its text still reaches the portal, without the characters XML cannot carry', async () => {
    const draft = services.drafts.create(release('Alt'));
    const old = { ...draft.article, meta: { ...draft.article.meta, title: 'Alt\u0001er Titel\uFFFE' } };
    services.database.prepare('UPDATE articles SET content = ? WHERE id = ?').run(JSON.stringify(old), draft.id);
    expect(services.drafts.get(draft.id).article.meta.title).toBe('Alt\u0001er Titel\uFFFE');
    services.sync.submit(draft.id);
    await until(() => services.sync.releaseState(draft.id).pending === 0);
    expect(services.sync.releaseState(draft.id)).toMatchObject({ portalStatus: 'in_review', problem: null });
    expect(portal.portal.getArticle(operator, draft.id).article.meta.title).toBe('Alter Titel');
  });
});
