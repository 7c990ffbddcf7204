import { useId, useState, type FormEvent } from 'react';
import type { Article } from '../../common/article.js';
import { blockOfNode } from '../../common/blocks/catalog.js';
import type { MethodOutput } from '../../common/contract.js';
import { formatMessage } from '../../common/messages/index.js';
import { useBackend } from './api-context.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';
import { useLive } from './use-live.js';

type Comment = MethodOutput<'sync.comments'>[number];

/** The blocks of a release a comment can point to: id and a readable name. */
export function commentableBlocks(article: Article): Array<{ id: string; label: string }> {
  return article.body.content.flatMap((node) => {
    const id = typeof node.attrs?.id === 'string' ? node.attrs.id : null;
    if (!id) return [];
    const block = blockOfNode(node.type);
    const text = JSON.stringify(node).match(/"text":"([^"]{1,40})/)?.[1] ?? '';
    return [{ id, label: `${block ? formatMessage(block.label) : node.type}${text ? `: ${text}…` : ''}` }];
  });
}

/** A release's review comments, kept current by `sync.changed`. */
function useComments(id: string): Comment[] {
  return useLive(id, (api) => api.sync.comments({ id }), (event) => event.name === 'sync.changed' && (event.payload.id === id || event.payload.id === null))[0] ?? [];
}

/**
 * "Kommentare": each beside the block it belongs to (by name), with "Erledigt" and "Antworten";
 * with `compose`, a form for a new comment on a chosen block.
 */
export function Comments(props: { id: string; revision: number | null; blocks: Array<{ id: string; label: string }>; compose?: boolean; onShow?: (blockId: string) => void }) {
  const { id, revision, blocks, compose, onShow } = props;
  const { api } = useBackend();
  const comments = useComments(id);
  const headingId = useId();
  const [blockId, setBlockId] = useState(blocks[0]?.id ?? '');
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const labelOf = (block: string) => blocks.find((candidate) => candidate.id === block)?.label ?? t('comments.unknownBlock');

  async function send(event: FormEvent, target: string, body: string, done: () => void) {
    event.preventDefault();
    if (revision === null || body.trim() === '') return;
    try {
      await api.sync.comment({ id, blockId: target, revision, text: body });
      done();
      setNotice(t('comments.sent'));
    } catch (caught) {
      setNotice(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="panel-section comments" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('comments.heading')}</h2>
      {comments.length === 0 && <p className="panel-empty">{t('comments.empty')}</p>}
      <ul className="comment-list">
        {comments.map((comment) => (
          <li key={comment.id} className={comment.resolvedAt ? 'comment comment-resolved' : 'comment'}>
            <p className="comment-block">{labelOf(comment.blockId)}</p>
            <p className="comment-text">{comment.text}</p>
            <p className="comment-meta">
              {t('comments.by', { author: comment.author, date: formatDateTime(comment.createdAt), revision: comment.revision })}
              {comment.resolvedBy && ` · ${t('comments.resolved', { who: comment.resolvedBy })}`}
            </p>
            <div className="panel-actions">
              {onShow && blocks.some((block) => block.id === comment.blockId) && (
                <button type="button" onClick={() => onShow(comment.blockId)}>
                  {t('check.show')}
                </button>
              )}
              {!comment.resolvedAt && (
                <button type="button" onClick={() => void api.sync.resolveComment({ id, commentId: comment.id }).catch((caught: unknown) => setNotice(String(caught)))}>
                  {t('comments.resolve')}
                </button>
              )}
              <button type="button" aria-expanded={replyTo === comment.id} onClick={() => setReplyTo(replyTo === comment.id ? null : comment.id)}>
                {t('comments.reply')}
              </button>
            </div>
            {replyTo === comment.id && (
              <form onSubmit={(event) => void send(event, comment.blockId, reply, () => (setReply(''), setReplyTo(null)))} className="comment-form">
                <label htmlFor={`${comment.id}-reply`}>{t('comments.replyText')}</label>
                <textarea id={`${comment.id}-reply`} rows={2} value={reply} onChange={(event) => setReply(event.target.value)} />
                <button type="submit">{t('comments.send')}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {compose && (
        <form onSubmit={(event) => void send(event, blockId, text, () => setText(''))} className="comment-form">
          <label htmlFor={`${headingId}-block`}>{t('comments.block')}</label>
          <select id={`${headingId}-block`} value={blockId} onChange={(event) => setBlockId(event.target.value)}>
            {blocks.map((block) => (
              <option key={block.id} value={block.id}>
                {block.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${headingId}-text`}>{t('comments.text')}</label>
          <textarea id={`${headingId}-text`} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="submit" disabled={text.trim() === '' || revision === null}>
            {t('comments.send')}
          </button>
        </form>
      )}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
