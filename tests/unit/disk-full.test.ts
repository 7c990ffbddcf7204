import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyArticle, type Article } from '../../common/article.js';
import { createDispatcher, createHandlers } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { keepRunningOnBackgroundErrors } from '../../main/services/keep-running.js';
import { makeTempDirectory } from '../temp-directory.js';

function release(title: string, words: number): Article {
  const base = emptyArticle();
  const text = Array.from({ length: words }, (_, index) => `Wort${index}`).join(' ');
  return { ...base, meta: { ...base.meta, title }, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

/**
 * A full disk, as SQLite meets it: the database may not grow (max_page_count), so a write
 * fails with SQLITE_FULL exactly where a full file system fails it. The fault suite does the
 * same on a real, filled tmpfs (tests/e2e/faults.spec.ts).
 */
describe('a full disk', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  const fill = () => services.database.pragma(`max_page_count = ${services.database.pragma('page_count', { simple: true }) as number}`);
  const free = () => services.database.pragma('max_page_count = 1073741823');

  beforeEach(async () => {
    temp = makeTempDirectory();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    services = await openAppServices(temp.path, { dailyBackups: false });
  });
  afterEach(async () => {
    free();
    await services.close();
    temp.remove();
    vi.restoreAllMocks();
  });

  it('refuses a save with the German message, keeps the stored version, and saves once there is space', async () => {
    const dispatch = createDispatcher(createHandlers(services), () => undefined);
    const created = services.drafts.create(release('Voll', 10));
    fill();
    const attempt = () => dispatch('drafts.save', { id: created.id, baseVersion: created.version, article: release('Voll', 20_000) });
    const refused = await attempt();
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(!refused.ok && refused.error.message).toMatch(/^Speicherplatz voll – Ihr Text ist noch nicht gesichert\. .*sichert alles, sobald wieder Platz ist\.$/);
    expect(services.drafts.get(created.id).version).toBe(created.version);

    free();
    expect(await attempt()).toMatchObject({ ok: true, value: { status: 'saved', version: created.version + 1 } });
    expect(JSON.stringify(services.drafts.get(created.id).article)).toContain('Wort19999');
  });

  it('the search index catching up on a timer never throws; it catches up once there is space', () => {
    services.drafts.create(release('Erster Stand', 10));
    services.drafts.flushSearchIndex();
    const second = services.drafts.create(release('Zweiter Stand mit Suchwort', 5_000));
    fill();
    expect(() => services.drafts.flushSearchIndex()).not.toThrow();
    expect(services.drafts.search('Suchwort', { scope: 'active' }).map((hit) => hit.draft.id)).toEqual([]);
    free();
    expect(services.drafts.search('Suchwort', { scope: 'active' }).map((hit) => hit.draft.id)).toEqual([second.id]);
  });

  it('a failed background task is logged and the process goes on', async () => {
    const logged: unknown[] = [];
    const stop = keepRunningOnBackgroundErrors((_message, error) => logged.push(error));
    try {
      const failing = Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
      void failing;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(logged).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
