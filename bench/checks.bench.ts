import { test } from '@playwright/test';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { DocumentNode } from '../common/article.js';
import { documentSchema } from '../common/blocks/catalog.js';
import { createDocumentChecker } from '../common/checks/incremental.js';
import { checkArticle } from '../common/checks/rules.js';
import { largeRelease } from './large-release.js';
import { machine, ms, percentile, recordResults } from './results.js';

/**
 * The checks after one edit of a 1,000-block release, as the editor runs them (incremental:
 * unchanged blocks keep their JSON and findings), against checking the whole release from scratch.
 */
test('checks: one edit in a 1,000-block release', () => {
  const release = largeRelease(1_000);
  let state = EditorState.create({ doc: documentSchema().nodeFromJSON(release.body) });
  const check = createDocumentChecker();
  check(state.doc, release.meta);

  const paragraphs: number[] = [];
  state.doc.forEach((node, _offset, index) => {
    if (node.type.name === 'paragraph') paragraphs.push(index);
  });
  /** Where the text of the top-level block at `index` starts, in the current document. */
  const startOf = (index: number) => {
    let pos = 0;
    for (let child = 0; child < index; child++) pos += state.doc.child(child).nodeSize;
    return pos + 1;
  };
  const incremental: number[] = [];
  const full: number[] = [];
  // The first edits of a session run before the JIT has compiled the rules; the editor then runs
  // for hours. Those are measured apart (warm-up), the steady state in the table.
  const warmUp: number[] = [];
  const warmUpRounds = 50;
  for (let round = 0; round < warmUpRounds + 1_000; round++) {
    const at = startOf(paragraphs[(round * 37) % paragraphs.length]!);
    const tr = state.tr.setSelection(TextSelection.create(state.doc, at)).insertText('x');
    state = state.apply(tr);
    let start = performance.now();
    check(state.doc, release.meta);
    (round < warmUpRounds ? warmUp : incremental).push(performance.now() - start);
    if (round >= warmUpRounds && round % 20 === 0) {
      start = performance.now();
      checkArticle({ ...release, body: state.doc.toJSON() as { type: 'doc'; content: DocumentNode[] } });
      full.push(performance.now() - start);
    }
  }
  const section = recordResults(
    'checks',
    machine(),
    [
      `One character typed into a paragraph of a release with 1,000 blocks of every kind, ${warmUpRounds} + 1,000 times at different places; after each, the checks as the editor runs them. The first ${warmUpRounds} edits (JIT warm-up) are reported apart: median ${ms(percentile(warmUp, 0.5))}, max ${ms(Math.max(...warmUp))}. Baseline: all checks on the whole release from scratch (its JSON included), every 20th edit, in the same run.`,
      '',
      '| measure (median / p95 / p99) | incremental | from scratch | ratio of medians | goal |',
      '| --- | --- | --- | --- | --- |',
      `| checks after one edit | ${ms(percentile(incremental, 0.5))} / ${ms(percentile(incremental, 0.95))} / ${ms(percentile(incremental, 0.99))} | ${ms(percentile(full, 0.5))} / ${ms(percentile(full, 0.95))} / ${ms(percentile(full, 0.99))} | ${(percentile(incremental, 0.5) / percentile(full, 0.5)).toFixed(3)} | ≤ 1 ms |`,
    ].join('\n'),
  );
  console.log(section);
});
