import { Fragment, type ReactNode } from 'react';
import type { ArticleDiff, BlockChange, BlockStatus, FieldChange, TextPart } from '../../../common/diff/article-diff.js';
import type { MessageKey } from '../../../common/messages/index.js';
import { t } from '../messages.js';

const statusLabels: Record<Exclude<BlockStatus, 'unchanged'>, MessageKey> = {
  added: 'diff.added',
  removed: 'diff.removed',
  moved: 'diff.moved',
  changed: 'diff.changed',
  'moved-changed': 'diff.movedChanged',
};

/** Text with insertions and deletions marked; screen readers hear which is which. */
export function WordParts({ parts }: { parts: readonly TextPart[] }) {
  if (parts.length === 0) return <span className="diff-empty">{t('diff.empty')}</span>;
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'same') return <Fragment key={index}>{part.text}</Fragment>;
        const Tag = part.kind === 'added' ? 'ins' : 'del';
        return (
          <Tag key={index}>
            <span className="visually-hidden">{t(part.kind === 'added' ? 'diff.inserted' : 'diff.deleted')} </span>
            {part.text}
          </Tag>
        );
      })}
    </>
  );
}

function FieldChanges({ changes, actions }: { changes: readonly FieldChange[]; actions?: ((change: FieldChange) => ReactNode) | undefined }) {
  return (
    <table className="diff-fields">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('diff.meta')}</span>
          </th>
          <th scope="col">{t('diff.before')}</th>
          <th scope="col">{t('diff.after')}</th>
          {actions && (
            <th scope="col">
              <span className="visually-hidden">{t('diff.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {changes.map((change, index) => (
          <tr key={index}>
            <th scope="row">{change.label}</th>
            <td>
              <WordParts parts={change.parts.filter((part) => part.kind !== 'added')} />
            </td>
            <td>
              <WordParts parts={change.parts.filter((part) => part.kind !== 'removed')} />
            </td>
            {actions && <td>{actions(change)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BlockCard({ block, actions }: { block: BlockChange; actions?: ((block: BlockChange) => ReactNode) | undefined }) {
  const status = block.status as Exclude<BlockStatus, 'unchanged'>;
  return (
    <li className={`diff-block diff-${block.status}`} data-block-id={block.blockId ?? undefined}>
      <p className="diff-block-head">
        <span className="diff-block-label">{block.label}</span> <span className="diff-badge">{t(statusLabels[status])}</span>
      </p>
      {block.text.length > 0 && (
        <p className="diff-text">
          <WordParts parts={block.text} />
        </p>
      )}
      {block.formatOnly && <p className="diff-note">{t('diff.formatOnly')}</p>}
      {block.attributes.length > 0 && <FieldChanges changes={block.attributes} />}
      {actions?.(block)}
    </li>
  );
}

function Unchanged({ blocks }: { blocks: readonly BlockChange[] }) {
  return (
    <li className="diff-unchanged">
      <details>
        <summary>{blocks.length === 1 ? t('diff.unchangedOne') : t('diff.unchangedMany', { count: blocks.length })}</summary>
        {blocks.map((block, index) => (
          <p key={index} className="diff-text">
            {block.text.map((part) => part.text).join('')}
          </p>
        ))}
      </details>
    </li>
  );
}

/** The differences between two versions: metadata first, then the blocks in order. */
export function DiffView({ diff, blockActions, metaActions }: { diff: ArticleDiff; blockActions?: (block: BlockChange) => ReactNode; metaActions?: (change: FieldChange) => ReactNode }) {
  if (diff.identical) return <p className="empty">{t('diff.none')}</p>;
  // Runs of unchanged blocks fold into one line, so the changes stand out.
  const items: Array<BlockChange | BlockChange[]> = [];
  for (const block of diff.blocks) {
    const last = items.at(-1);
    if (block.status !== 'unchanged') items.push(block);
    else if (Array.isArray(last)) last.push(block);
    else items.push([block]);
  }
  return (
    <div className="diff">
      {diff.meta.length > 0 && (
        <section aria-label={t('diff.meta')}>
          <h3>{t('diff.meta')}</h3>
          <FieldChanges changes={diff.meta} actions={metaActions} />
        </section>
      )}
      <section aria-label={t('diff.blocks')}>
        <h3>{t('diff.blocks')}</h3>
        <ol className="diff-blocks">
          {items.map((item, index) => (Array.isArray(item) ? <Unchanged key={index} blocks={item} /> : <BlockCard key={index} block={item} actions={blockActions} />))}
        </ol>
      </section>
    </div>
  );
}
