import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle } from '../../common/article.js';
import { methodNames } from '../../common/channels.js';
import { contract } from '../../common/contract.js';
import { createDispatcher, createHandlers, type Dispatch } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { makeTempDirectory } from '../temp-directory.js';

describe('the renderer<->main contract', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let dispatch: Dispatch;
  const logged: unknown[] = [];

  beforeEach(async () => {
    temp = makeTempDirectory();
    services = await openAppServices(temp.path, { dailyBackups: false });
    dispatch = createDispatcher(createHandlers(services), (error) => logged.push(error));
  });
  afterEach(() => {
    services.dispose();
    temp.remove();
  });

  it('lists exactly the channel names', () => {
    expect(Object.keys(contract).sort()).toEqual([...methodNames].sort());
  });

  it('answers a valid call with ok and the value', async () => {
    const created = await dispatch('drafts.create', undefined);
    expect(created.ok).toBe(true);
    const listed = await dispatch('drafts.list', undefined);
    expect(listed).toMatchObject({ ok: true, value: { items: [{ title: '' }], total: 1 } });
  });

  it('refuses an id that is not a UUID, in German, without touching the store', async () => {
    const result = await dispatch('drafts.get', { id: '../../etc/passwd' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^Die Eingabe ist ungültig: id: /);
    expect(result.error.details?.[0]).toContain('UUID');
  });

  it('refuses a save whose article is malformed, oversized or nested too deep', async () => {
    const created = await dispatch('drafts.create', undefined);
    if (!created.ok) throw new Error('create failed');
    const { id } = created.value as { id: string };
    const base = emptyArticle();

    const wrongFormat = await dispatch('drafts.save', { id, baseVersion: 1, article: { ...base, format: 'word' } });
    expect(wrongFormat).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const longTitle = await dispatch('drafts.save', { id, baseVersion: 1, article: { ...base, meta: { title: 'x'.repeat(301), lead: '' } } });
    expect(longTitle).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    let deep: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', content: [deep] };
    const tooDeep = await dispatch('drafts.save', { id, baseVersion: 1, article: { ...base, body: { type: 'doc', content: [deep] } } });
    expect(tooDeep).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!tooDeep.ok) expect(tooDeep.error.message).toContain('zu tief verschachtelt');

    const body = (content: unknown) => ({ ...base, body: { type: 'doc', content } });
    for (const [content, where] of [
      [[{ type: 'paragraph', content: [{ type: 'text', text: 42 }] }], 'body.content.0.content.0.text'],
      [[{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: '' }] }] }], 'body.content.0.content.0.marks'],
      [[{ type: 'paragraph', attrs: ['id'] }], 'body.content.0.attrs'],
      [[{ type: 'paragraph', content: 'Text' }], 'body.content.0.content'],
      [[{ content: [] }], 'body.content.0.type'],
      ['kein Array', 'body.content'],
    ] as const) {
      const refused = await dispatch('drafts.save', { id, baseVersion: 1, article: body(content) });
      expect(refused, where).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!refused.ok) expect(refused.error.details?.[0]).toContain(`${where}:`);
    }

    const stored = await dispatch('drafts.get', { id });
    expect(stored).toMatchObject({ ok: true, value: { version: 1, article: base } });
  });

  it('keeps only the known keys of document nodes', async () => {
    const article = { ...emptyArticle(), body: { type: 'doc', content: [{ type: 'paragraph', onclick: 'alert(1)', content: [{ type: 'text', text: 'Hallo', extra: { big: 'x'.repeat(1000) } }] }] } };
    const created = await dispatch('drafts.create', { article });
    expect(created).toMatchObject({ ok: true });
    if (created.ok) expect((created.value as { article: unknown }).article).toMatchObject({ body: { content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hallo' }] }] } });
    if (created.ok) expect(JSON.stringify(created.value)).not.toContain('onclick');
    if (created.ok) expect(JSON.stringify(created.value)).not.toContain('extra');
  });

  it('refuses unknown methods and never leaks a stack trace', async () => {
    const unknown = await dispatch('drafts.dropTable', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    services.database.close();
    const broken = await dispatch('drafts.list', undefined);
    expect(broken).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!broken.ok) expect(broken.error.message).not.toMatch(/at |Error:/);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('answers not_found in German for an id that does not exist', async () => {
    const result = await dispatch('drafts.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('nicht gefunden') } });
  });
});

describe('documents at the boundary', () => {
  it('refuses a body with an unknown block type or a block where it may not stand, in German', async () => {
    const temp = makeTempDirectory();
    const services = await openAppServices(temp.path, { dailyBackups: false });
    const dispatch = createDispatcher(createHandlers(services));
    try {
      const unknown = await dispatch('drafts.create', { article: { ...emptyArticle(), body: { type: 'doc', content: [{ type: 'iframe' }] } } });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!unknown.ok) expect(unknown.error.message).toContain('Baustein, den Pressestelle nicht kennt: „iframe“');

      const misplaced = await dispatch('drafts.create', { article: { ...emptyArticle(), body: { type: 'doc', content: [{ type: 'column', content: [{ type: 'paragraph' }] }] } } });
      expect(misplaced).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(services.drafts.list('active')).toEqual([]);
    } finally {
      services.dispose();
      temp.remove();
    }
  });
});
