import { formatBerlin } from '../../../common/berlin-time.js';
import type { RevisionSummary } from '../../../common/contract.js';

/** Revisions the app wrote on its own; they pile up over a day of writing. */
const automaticReasons: ReadonlySet<RevisionSummary['reason']> = new Set(['pause', 'blur', 'close', 'recovered']);

/** How many automatic revisions in a row, on one day, fold into one line. */
export const GROUP_MIN = 3;

export type HistoryRow = { kind: 'revision'; index: number } | { kind: 'group'; day: string; indices: number[] };

/**
 * The history list's rows, newest first: runs of at least `GROUP_MIN` automatic, unnamed
 * revisions of one (Berlin) day fold into a group; named versions, submissions, restores and
 * imports always stand alone, as does the newest revision.
 */
export function groupRevisions(revisions: readonly RevisionSummary[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let run: number[] = [];
  let runDay = '';
  const flush = () => {
    if (run.length >= GROUP_MIN) rows.push({ kind: 'group', day: runDay, indices: run });
    else for (const index of run) rows.push({ kind: 'revision', index });
    run = [];
  };
  revisions.forEach((revision, index) => {
    const day = formatBerlin(revision.createdAt, 'day');
    const foldable = index > 0 && automaticReasons.has(revision.reason) && revision.labels.length === 0;
    if (!foldable) {
      flush();
      rows.push({ kind: 'revision', index });
      return;
    }
    if (run.length > 0 && day !== runDay) flush();
    runDay = day;
    run.push(index);
  });
  flush();
  return rows;
}
