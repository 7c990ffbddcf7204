import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyNamespace } from '../../portal/website.js';
import { release, usePortal } from './portal-harness.js';
import { xmllintProblems } from './xmllint.js';

const cli = fileURLToPath(new URL('../../out/portal/cli.js', import.meta.url));

function check(dataDirectory: string, ...args: string[]) {
  return spawnSync(process.execPath, [cli, 'check', '--data', dataDirectory, ...args], { encoding: 'utf8' });
}

describe('the head of the history, anchored outside the portal', () => {
  const t = usePortal();
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('These tests run the built portal: run `npm run build` first (npm test does).');
  });

  it('the article list and the Atom feed carry the newest entry of the chain', async () => {
    expect((await t.as.author.call('GET', '/api/v1/articles')).body.historyHead).toBeNull();
    const { id } = await t.approved(release('Verankert'));
    await t.as.author.transition(id, 'publish', 1);
    const history = (await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body as Array<{ seq: number; hash: string }>;
    const newest = history.at(-1)!;
    expect((await t.as.author.call('GET', '/api/v1/articles')).body.historyHead).toEqual({ seq: newest.seq, hash: newest.hash });

    const feed = await (await fetch(`${t.server.url}/presse/feed.xml`)).text();
    expect(feed).toContain(`xmlns:pressestelle="${historyNamespace}"`);
    expect(feed).toContain(`<pressestelle:historyHead seq="${newest.seq}">${newest.hash}</pressestelle:historyHead>`);
    expect(xmllintProblems(feed, 'xml')).toEqual([]);
  });

  it('deleting the newest entries passes `portal check`, but not `portal check --head` with the head seen before', async () => {
    const { id } = await t.approved(release('Gekürzt'));
    await t.as.author.transition(id, 'publish', 1);
    const before = (await t.as.author.call('GET', '/api/v1/articles')).body.historyHead as { seq: number; hash: string };
    expect(before.seq).toBe(4);
    const dataDirectory = dirname(t.server.portal.db.name);

    const intact = check(dataDirectory, '--head', `${before.seq}:${before.hash}`);
    expect(intact.stdout).toBe('history: ok (4 entries)\nhistory: head ok (entry 4 of 4)\n');
    expect(intact.status).toBe(0);

    // Someone with access to the database removes the publication and the approval.
    const db = t.server.portal.db;
    db.exec('DROP TRIGGER history_is_append_only_delete');
    db.prepare('DELETE FROM history WHERE seq > 2').run();

    // The chain alone cannot tell: what is left is intact.
    const alone = check(dataDirectory);
    expect(alone.stdout).toBe('history: ok (2 entries)\n');
    expect(alone.status).toBe(0);

    const anchored = check(dataDirectory, '--head', `${before.seq}:${before.hash}`);
    expect(anchored.stdout).toBe(`history: ok (2 entries)\nhistory: head 4:${before.hash} not found: entries were removed or rewritten (the newest entry now is 2)\n`);
    expect(anchored.status).toBe(1);
    expect(check(dataDirectory, '--head', before.hash).status).toBe(1);

    // An older head the chain still holds is fine; a malformed one is a usage error.
    const older = (await t.as.author.call('GET', `/api/v1/articles/${id}/history`)).body[0] as { hash: string };
    expect(check(dataDirectory, '--head', older.hash).stdout).toContain('history: head ok (entry 1 of 2)');
    expect(check(dataDirectory, '--head', 'nicht-hex').status).toBe(2);
  });
});
