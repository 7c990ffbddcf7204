import { describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../common/contract.js';
import { groupRevisions } from '../../renderer/src/history/groups.js';

let next = 100;
function revision(createdAt: string, reason: RevisionSummary['reason'], labels: string[] = []): RevisionSummary {
  return { id: next--, articleId: '00000000-0000-4000-8000-000000000001', createdAt, reason, labels, contentHash: '0'.repeat(64), restoredFrom: null };
}

describe('the history list folds automatic revisions', () => {
  it('folds runs of three or more automatic revisions per Berlin day; the newest and anything named or submitted stand alone', () => {
    const revisions = [
      revision('2026-11-29T15:00:00Z', 'pause'), // the newest: alone
      revision('2026-11-29T14:40:00Z', 'pause'),
      revision('2026-11-29T14:20:00Z', 'blur'),
      revision('2026-11-29T14:00:00Z', 'pause'),
      revision('2026-11-29T13:00:00Z', 'submit'),
      revision('2026-11-29T12:00:00Z', 'pause'),
      revision('2026-11-29T11:00:00Z', 'pause'), // only two: not folded
      revision('2026-11-29T10:00:00Z', 'pause', ['Erster Entwurf']),
      revision('2026-11-28T23:30:00Z', 'pause'), // 00:30 in Berlin: the 29th
      revision('2026-11-28T22:30:00Z', 'pause'), // 23:30 in Berlin: the 28th
      revision('2026-11-28T21:00:00Z', 'close'),
      revision('2026-11-28T20:00:00Z', 'recovered'),
    ];
    expect(groupRevisions(revisions)).toEqual([
      { kind: 'revision', index: 0 },
      { kind: 'group', day: '29.11.2026', indices: [1, 2, 3] },
      { kind: 'revision', index: 4 },
      { kind: 'revision', index: 5 },
      { kind: 'revision', index: 6 },
      { kind: 'revision', index: 7 },
      { kind: 'revision', index: 8 },
      { kind: 'group', day: '28.11.2026', indices: [9, 10, 11] },
    ]);
  });

  it('keeps a short history as it is', () => {
    expect(groupRevisions([revision('2026-11-29T15:00:00Z', 'pause'), revision('2026-11-29T14:00:00Z', 'pause')])).toEqual([
      { kind: 'revision', index: 0 },
      { kind: 'revision', index: 1 },
    ]);
  });
});
