import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle, type Article, type DocumentNode } from '../../common/article.js';
import { applyBlockChanges, blockChanges } from '../../common/block-changes.js';
import type { Draft } from '../../common/contract.js';
import { createDispatcher, createHandlers, type Dispatch } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { makeTempDirectory } from '../temp-directory.js';

const paragraph = (text: string, id: string): DocumentNode => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });

describe('the changes between two saves, block by block', () => {
  it('rebuild the new blocks exactly, whatever was typed, inserted, removed or moved', () => {
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below);
    for (let round = 0; round < 200; round++) {
      const saved = Array.from({ length: 1 + random(30) }, (_, index) => paragraph(`Block ${index}`, `b${round}-${index}`));
      const current = [...saved];
      for (let edit = 0; edit < 1 + random(6); edit++) {
        const at = random(current.length + 1);
        const kind = random(4);
        if (kind === 0 && current.length > 1) current.splice(Math.min(at, current.length - 1), 1);
        else if (kind === 1) current.splice(at, 0, paragraph(`Neu ${edit}`, `n${round}-${edit}`));
        else if (kind === 2 && at < current.length) current[at] = paragraph(`${current[at]!.content![0]!.text} geändert`, String(current[at]!.attrs!.id));
        else if (current.length > 1) current.push(current.splice(Math.min(at, current.length - 1), 1)[0]!);
      }
      const changes = blockChanges(saved, current, (block) => block);
      expect(applyBlockChanges(saved, changes)).toEqual(current);
      // What is sent: only the blocks that are not in the last save.
      expect(changes.filter((change) => !('keep' in change))).toEqual(current.filter((block) => !saved.includes(block)));
    }
  });

  it('send a one-letter change in a long release as one block between two kept runs', () => {
    const saved = Array.from({ length: 5_000 }, (_, index) => paragraph('Text', `p${index}`));
    const current = [...saved];
    current[2_500] = paragraph('Texte', 'p2500');
    expect(blockChanges(saved, current, (block) => block)).toEqual([{ keep: [0, 2_500] }, current[2_500], { keep: [2_501, 5_000] }]);
  });

  it('cannot be applied to a version they do not fit: a range outside it, backwards or malformed', () => {
    const saved = [paragraph('A', 'a'), paragraph('B', 'b')];
    expect(applyBlockChanges(saved, [{ keep: [0, 3] }])).toBeNull();
    expect(applyBlockChanges(saved, [{ keep: [1, 1] }])).toBeNull();
    expect(applyBlockChanges(saved, [{ keep: [-1, 1] }])).toBeNull();
    expect(applyBlockChanges(saved, [{ keep: ['0', 1] }])).toBeNull();
    expect(applyBlockChanges(saved, [{ keep: [0.5, 1] }])).toBeNull();
  });
});

describe('drafts.saveChanges', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let dispatch: Dispatch;
  let draft: Draft;
  const blocks = [paragraph('Eins', 'p1'), paragraph('Zwei', 'p2'), paragraph('Drei', 'p3')];
  const article = (content: DocumentNode[]): Article => ({ ...emptyArticle(), meta: { ...emptyArticle().meta, title: 'Teilweise' }, body: { type: 'doc', content } });
  const head = { format: article([]).format, formatVersion: article([]).formatVersion, meta: { ...article([]).meta, title: 'Geändert' } };

  beforeEach(async () => {
    temp = makeTempDirectory();
    services = await openAppServices(temp.path, { dailyBackups: false });
    dispatch = createDispatcher(createHandlers(services), () => undefined);
    draft = services.drafts.create(article(blocks));
  });
  afterEach(() => {
    services.dispose();
    temp.remove();
  });

  it('stores the whole release rebuilt from the stored blocks and the changed ones', async () => {
    const changed = paragraph('Zwei, geändert', 'p2');
    const result = await dispatch('drafts.saveChanges', { id: draft.id, baseVersion: draft.version, head, blocks: [{ keep: [0, 1] }, changed, { keep: [2, 3] }] });
    expect(result).toMatchObject({ ok: true, value: { status: 'saved', version: draft.version + 1 } });
    const stored = services.drafts.get(draft.id);
    expect(stored.article.meta.title).toBe('Geändert');
    expect(stored.article.body.content).toEqual([blocks[0], changed, blocks[2]]);
  });

  it('answers "stale" and changes nothing when the stored release is not at the base or a range does not fit it', async () => {
    const elsewhere = services.drafts.save(draft.id, draft.version, article([paragraph('Anderswo', 'x')]));
    if (elsewhere.status !== 'saved') throw new Error('setup');
    expect(await dispatch('drafts.saveChanges', { id: draft.id, baseVersion: draft.version, head, blocks: [{ keep: [0, 1] }] })).toEqual({ ok: true, value: { status: 'stale' } });
    expect(await dispatch('drafts.saveChanges', { id: draft.id, baseVersion: elsewhere.version, head, blocks: [{ keep: [0, 9] }] })).toEqual({ ok: true, value: { status: 'stale' } });
    expect(services.drafts.get(draft.id).article.body.content).toEqual([paragraph('Anderswo', 'x')]);
  });

  it('checks the rebuilt release as a whole save is checked: a block the editor cannot hold is refused in German', async () => {
    const result = await dispatch('drafts.saveChanges', { id: draft.id, baseVersion: draft.version, head, blocks: [{ keep: [0, 3] }, { type: 'script', content: [] }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Die Eingabe ist ungültig/);
    expect(services.drafts.get(draft.id).version).toBe(draft.version);
  });
});
