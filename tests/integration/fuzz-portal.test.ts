import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleContentSchema } from '../../common/article.js';
import { findXmlIllegal } from '../../common/xml-text.js';
import { articleLike, hostileString, hostileValue, validRelease } from './fuzz-arbitraries.js';
import { usePortal, type PortalTest } from './portal-harness.js';
import { operator } from '../../portal/portal.js';
import { xmllintProblems } from './xmllint.js';

/** A refusal: 4xx, a stable code and a German sentence, no stack trace. */
function expectRefusal(response: { status: number; body: { error?: { code?: unknown; message?: unknown } } | null }): void {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(typeof response.body?.error?.code).toBe('string');
  const message = response.body!.error!.message as string;
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/\b(Invalid|Expected|Required|received|at Object|node_modules)\b/);
}

/** Every answer: no 500; a success where the input was fine, a German refusal otherwise. */
function expectAnswer(response: { status: number; body: unknown }): void {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) expectRefusal(response as Parameters<typeof expectRefusal>[0]);
}

/** The website as a reader gets it: the feed and every listed page parse. */
async function expectWebsiteParses(t: PortalTest): Promise<void> {
  const feed = await (await fetch(`${t.server.url}/presse/feed.xml`)).text();
  expect(xmllintProblems(feed, 'xml')).toEqual([]);
  const list = await (await fetch(`${t.server.url}/presse/`)).text();
  expect(xmllintProblems(list, 'html')).toEqual([]);
  for (const slug of [...list.matchAll(/href="\/presse\/([a-z0-9-]+)"/g)].map((match) => match[1]!).slice(0, 3)) {
    expect(xmllintProblems(await (await fetch(`${t.server.url}/presse/${slug}`)).text(), 'html')).toEqual([]);
  }
}

/** Every stored revision is what the Portal API takes: the schema accepts it, no character XML cannot carry. */
function expectStoredContentValid(t: PortalTest): void {
  for (const content of t.server.portal.db.prepare<[], string>('SELECT content FROM revisions').pluck().all()) {
    const parsed = articleContentSchema.safeParse(JSON.parse(content));
    expect(parsed.success, content.slice(0, 200)).toBe(true);
    expect(findXmlIllegal(JSON.parse(content))).toEqual([]);
  }
}

describe('fuzzing the Portal API from its zod schemas', () => {
  const t = usePortal();

  it('random and hostile articles never cause a 500, are stored only when the schema takes them, and never break the feed or a page', async () => {
    await fc.assert(
      fc.asyncProperty(articleLike, fc.option(fc.oneof(fc.integer({ min: -1, max: 3 }).map(String), hostileString)), fc.boolean(), async (input, ifMatch, publish) => {
        const id = randomUUID();
        const put = await t.as.author.call('PUT', `/api/v1/articles/${id}`, input, ifMatch === null ? {} : { 'If-Match': ifMatch.replace(/[^\x20-\x7E]/g, '') });
        expectAnswer(put);
        if (!articleContentSchema.safeParse(input).success) expect(put.status).toBeGreaterThanOrEqual(400);
        if (put.status !== 201 || !publish) return;
        // Taken: all the way onto the website.
        expect((await t.as.author.transition(id, 'submit', 1)).status).toBeLessThan(500);
        expect((await t.as.approver.transition(id, 'approve', 1, { override: 'Geprüft im Fuzz-Test, trotz Fehlern.' })).status).toBeLessThan(500);
        expect((await t.as.approver.transition(id, 'publish', 1, { override: 'Geprüft im Fuzz-Test, trotz Fehlern.' })).status).toBeLessThan(500);
        await expectWebsiteParses(t);
      }),
      { numRuns: 120 },
    );
    expectStoredContentValid(t);
    await expectWebsiteParses(t);
  }, 120_000);

  it('hostile comments, transitions, queries and bodies never cause a 500 and store nothing the schema refuses', async () => {
    const { id } = await t.approved(validRelease('Ziel'));
    const hostileRequest = fc.oneof(
      fc.record({ text: hostileValue, blockId: fc.oneof(fc.constant('p-1'), hostileString), revision: fc.oneof(fc.constant(1), hostileValue) }).map((body) => ({ method: 'POST', path: `/api/v1/articles/${id}/comments`, body })),
      fc.record({ action: fc.oneof(fc.constantFrom('submit', 'approve', 'publish', 'withdraw', 'correct', 'request_changes'), hostileString), revision: fc.oneof(fc.constant(1), hostileValue), reason: hostileValue, override: hostileValue, at: hostileValue }, { requiredKeys: ['action', 'revision'] }).map((body) => ({ method: 'POST', path: `/api/v1/articles/${id}/transitions`, body })),
      fc.record({ status: hostileString, limit: hostileString, offset: hostileString }).map((query) => ({ method: 'GET', path: `/api/v1/articles?${new URLSearchParams(query).toString()}`, body: undefined })),
      hostileValue.map((body) => ({ method: 'POST', path: `/api/v1/articles/${id}/comments`, body })),
    );
    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ method, path, body }) => {
        const client = method === 'POST' && path.endsWith('/transitions') ? t.as.approver : t.as.author;
        expectAnswer(await client.call(method, path, body));
      }),
      { numRuns: 150 },
    );
    // Bytes that are not JSON at all.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const response = await t.as.author.call('PUT', `/api/v1/articles/${randomUUID()}`, bytes);
        expectAnswer(response);
      }),
      { numRuns: 40 },
    );
    for (const comment of t.server.portal.listComments(operator, id)) expect(findXmlIllegal(comment)).toEqual([]);
    for (const entry of t.server.portal.history(operator, id)) expect(findXmlIllegal(entry)).toEqual([]);
    expect(t.server.portal.verifyHistory().ok).toBe(true);
    expectStoredContentValid(t);
    await expectWebsiteParses(t);
  }, 120_000);
});
