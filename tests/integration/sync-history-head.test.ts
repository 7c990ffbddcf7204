import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../portal/portal.js';
import { until } from '../until.js';
import { startAppWithPortal, stopAppWithPortal, type AppWithPortal } from './app-with-portal.js';
import { release } from './portal-harness.js';

describe('the app and the portal\'s history', () => {
  let env: AppWithPortal;
  beforeEach(async () => {
    env = await startAppWithPortal();
    await env.services.sync.connect(env.portal.url, 'redaktion', 'redaktion-passwort');
  });
  afterEach(() => stopAppWithPortal(env));

  const keptHead = () => {
    const value = env.services.database.prepare<[], string>("SELECT value FROM settings WHERE key = 'portal.historyHead'").pluck().get();
    return value === undefined ? null : (JSON.parse(value) as { url: string; seq: number; hash: string });
  };

  it('keeps the newest history entry the portal named, and warns when a later answer names an older one', async () => {
    const draft = env.services.drafts.create(release('Verankert'));
    env.services.sync.submit(draft.id);
    await until(() => env.services.sync.releaseState(draft.id).portalStatus === 'in_review');
    await env.services.sync.pull();
    const head = env.portal.portal.historyHead()!;
    expect(head.seq).toBe(2);
    expect(keptHead()).toMatchObject({ url: env.portal.url, seq: head.seq, hash: head.hash });
    expect(env.services.sync.status().historyWarning).toBeNull();

    // The newest entry (the submission) is removed from the portal's database.
    env.portal.portal.db.exec('DROP TRIGGER history_is_append_only_delete');
    env.portal.portal.db.prepare('DELETE FROM history WHERE seq = 2').run();
    await env.services.sync.pull();
    expect(env.services.sync.status().historyWarning).toBe(
      'Im Verlauf des Portals fehlen Einträge: Zuletzt war Eintrag 2 der neueste, jetzt ist es Eintrag 1. Bitte melden Sie das der Betreuung des Portals.',
    );
    // The anchor stays where it was: later entries do not hide the gap.
    expect(keptHead()).toMatchObject({ seq: 2, hash: head.hash });
  });

  it('a draft stored before the app cleaned its text still reaches the portal, without the characters XML cannot carry', async () => {
    const draft = env.services.drafts.create(release('Alt'));
    const old = { ...draft.article, meta: { ...draft.article.meta, title: 'Alt\u0001er Titel\uFFFE' } };
    env.services.database.prepare('UPDATE articles SET content = ? WHERE id = ?').run(JSON.stringify(old), draft.id);
    expect(env.services.drafts.get(draft.id).article.meta.title).toBe('Alt\u0001er Titel\uFFFE');
    env.services.sync.submit(draft.id);
    await until(() => env.services.sync.releaseState(draft.id).pending === 0);
    expect(env.services.sync.releaseState(draft.id)).toMatchObject({ portalStatus: 'in_review', problem: null });
    expect(env.portal.portal.getArticle(operator, draft.id).article.meta.title).toBe('Alter Titel');
  });
});
