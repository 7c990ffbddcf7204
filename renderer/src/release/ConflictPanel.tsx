import type { Editor } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import type { Article, ArticleMeta } from '../../../common/article.js';
import { diffArticles, type BlockChange, type FieldChange } from '../../../common/diff/article-diff.js';
import { adoptBlock } from '../editor/adopt-block.js';
import { DiffView } from '../history/DiffView.js';
import { t } from '../messages.js';
import { useRelease } from './release-context.js';

/** Someone else changed the release on the portal: both versions side by side as a diff; the person decides. */
export function ConflictPanel(props: {
  current: () => Article;
  editor: Editor | null;
  onChange: (listener: () => void) => () => void;
  /** Takes one metadata field over from the portal's version. */
  onAdoptMeta: (field: keyof ArticleMeta, from: ArticleMeta) => void;
  onTakePortal: () => Promise<unknown>;
  onKeepMine: () => Promise<unknown>;
}) {
  const { sync } = useRelease();
  const [busy, setBusy] = useState(false);
  const conflict = sync?.conflict;
  // While a conflict is open, the diff follows the editor's text (blocks taken over, typing),
  // recomputed after a pause rather than on each keystroke.
  const [, setRevisionOfText] = useState(0);
  const { onChange } = props;
  const open = Boolean(conflict);
  useEffect(() => {
    if (!open) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onChange(() => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => setRevisionOfText((value) => value + 1), 150);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      stop();
    };
  }, [onChange, open]);
  const headingId = useId();
  // Only while a conflict is open; the editor's text is taken as it is at this render.
  const diff = conflict ? diffArticles(conflict.article, props.current()) : null;
  const adopt = (block: BlockChange) => {
    if (!conflict || !props.editor || block.blockId === null || block.status === 'unchanged') return null;
    const label = block.status === 'added' ? 'sync.adoptRemove' : block.status === 'removed' ? 'sync.adoptInsert' : 'sync.adoptBlock';
    return (
      <button type="button" className="diff-adopt" onClick={() => adoptBlock(props.editor!, conflict.article, block.blockId!)}>
        {t(label)}
      </button>
    );
  };
  const adoptMeta = (change: FieldChange) =>
    conflict && change.metaField ? (
      <button type="button" className="diff-adopt" onClick={() => props.onAdoptMeta(change.metaField!, conflict.article.meta)}>
        {t('sync.adoptBlock')}
      </button>
    ) : null;
  if (!conflict || !diff) return null;
  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return (
    <section className="conflict-panel notice-inline notice-problem" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sync.conflictTitle')}</h2>
      <p>{t('sync.conflictText', { who: conflict.updatedBy, revision: conflict.portalRevision })}</p>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => run(props.onTakePortal)}>
          {t('sync.keepPortal')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => run(props.onKeepMine)}>
          {t('sync.keepMine')}
        </button>
      </div>
      <h3>{t('sync.conflictDiff')}</h3>
      <p className="field-hint">{t('sync.combineHint')}</p>
      <DiffView diff={diff} blockActions={adopt} metaActions={adoptMeta} />
    </section>
  );
}
