import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentNode } from '../../common/article.js';
import { blockOfNode } from '../../common/blocks/catalog.js';
import type { MethodOutput } from '../../common/contract.js';
import { formatMessage } from '../../common/messages/index.js';
import { useBackend } from './api-context.js';
import { attempt } from './attempt.js';
import { formatDateTime } from './format-date.js';
import { t } from './messages.js';
import { useLive } from './use-live.js';

type Comment = MethodOutput<'sync.comments'>[number];
export type CommentableBlock = { id: string; label: string };

/** The blocks of a release a comment can point to: id and a readable name. */
export function commentableBlocks(blocks: readonly DocumentNode[]): CommentableBlock[] {
  return blocks.flatMap((node) => {
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

/** Sends a comment (or an answer) on a block of the revision; the outbox delivers it. */
function useSendComment(id: string, revision: number | null, onNotice: (notice: string) => void) {
  const { api } = useBackend();
  return async (event: FormEvent, blockId: string, text: string, done: () => void) => {
    event.preventDefault();
    if (revision === null || text.trim() === '') return;
    await attempt(async () => {
      await api.sync.comment({ id, blockId, revision, text });
      done();
      onNotice(t('comments.sent'));
    }, onNotice);
  };
}

/** One comment: its block, text, author; "Erledigt" and "Antworten". */
function CommentItem(props: { id: string; revision: number | null; comment: Comment; blockLabel: string | null; onShow?: (() => void) | undefined; onNotice: (notice: string) => void }) {
  const { id, revision, comment, blockLabel, onShow, onNotice } = props;
  const { api } = useBackend();
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const send = useSendComment(id, revision, onNotice);
  return (
    <li className={comment.resolvedAt ? 'comment comment-resolved' : 'comment'}>
      {blockLabel !== null && <p className="comment-block">{blockLabel}</p>}
      <p className="comment-text">{comment.text}</p>
      <p className="comment-meta">
        {t('comments.by', { author: comment.author, date: formatDateTime(comment.createdAt), revision: comment.revision })}
        {comment.resolvedBy && ` · ${t('comments.resolved', { who: comment.resolvedBy })}`}
      </p>
      <div className="panel-actions">
        {onShow && (
          <button type="button" onClick={onShow}>
            {t('check.show')}
          </button>
        )}
        {!comment.resolvedAt && (
          <button type="button" onClick={() => void api.sync.resolveComment({ id, commentId: comment.id }).catch((caught: unknown) => onNotice(String(caught)))}>
            {t('comments.resolve')}
          </button>
        )}
        <button type="button" aria-expanded={replying} onClick={() => setReplying(!replying)}>
          {t('comments.reply')}
        </button>
      </div>
      {replying && (
        <form onSubmit={(event) => void send(event, comment.blockId, reply, () => (setReply(''), setReplying(false)))} className="comment-form">
          <label htmlFor={`${comment.id}-reply`}>{t('comments.replyText')}</label>
          <textarea id={`${comment.id}-reply`} rows={2} value={reply} onChange={(event) => setReply(event.target.value)} />
          <button type="submit">{t('comments.send')}</button>
        </form>
      )}
    </li>
  );
}

/**
 * "Kommentare": every comment with the block it belongs to (by name), with "Erledigt" and
 * "Antworten"; with `compose`, a form for a new comment on a chosen block (`chosenBlock` is set
 * from outside when the approver clicks a block in the preview).
 */
export function Comments(props: {
  id: string;
  revision: number | null;
  blocks: CommentableBlock[];
  compose?: boolean;
  chosenBlock?: { id: string; at: number } | null;
  onShow?: (blockId: string) => void;
}) {
  const { id, revision, blocks, compose, chosenBlock, onShow } = props;
  const comments = useComments(id);
  const headingId = useId();
  const [picked, setPicked] = useState(blocks[0]?.id ?? '');
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  // A block chosen in the preview wins over the select until the select is used again.
  const [chosenAt, setChosenAt] = useState(0);
  const blockId = chosenBlock && chosenBlock.at > chosenAt ? chosenBlock.id : picked;
  const send = useSendComment(id, revision, setNotice);
  const labelOf = (block: string) => blocks.find((candidate) => candidate.id === block)?.label ?? t('comments.unknownBlock');

  useEffect(() => {
    if (chosenBlock) textArea.current?.focus();
  }, [chosenBlock]);

  return (
    <section className="panel-section comments" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('comments.heading')}</h2>
      {comments.length === 0 && <p className="panel-empty">{t('comments.empty')}</p>}
      <ul className="comment-list">
        {comments.map((comment) => (
          <CommentItem
            key={comment.id}
            id={id}
            revision={revision}
            comment={comment}
            blockLabel={labelOf(comment.blockId)}
            onShow={onShow && blocks.some((block) => block.id === comment.blockId) ? () => onShow(comment.blockId) : undefined}
            onNotice={setNotice}
          />
        ))}
      </ul>
      {compose && (
        <form onSubmit={(event) => void send(event, blockId, text, () => setText(''))} className="comment-form">
          <label htmlFor={`${headingId}-block`}>{t('comments.block')}</label>
          <select
            id={`${headingId}-block`}
            value={blockId}
            onChange={(event) => {
              setPicked(event.target.value);
              setChosenAt(Date.now());
            }}
          >
            {blocks.map((block) => (
              <option key={block.id} value={block.id}>
                {block.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${headingId}-text`}>{t('comments.text')}</label>
          <textarea ref={textArea} id={`${headingId}-text`} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="submit" disabled={text.trim() === '' || revision === null}>
            {t('comments.send')}
          </button>
        </form>
      )}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}

interface Marker {
  blockId: string;
  top: number;
  open: number;
  total: number;
}

/**
 * The comments beside their blocks: a marker at the right edge of each block that has comments
 * (with the number of open ones), which opens the block's thread right there, to answer or
 * resolve. `locate` finds a block's element; `watch` reports when the layout may have moved.
 */
export function CommentMarkers(props: {
  id: string;
  revision: number | null;
  blocks: CommentableBlock[];
  frame: HTMLElement | null;
  locate: (blockId: string) => HTMLElement | null;
  watch: (update: () => void) => () => void;
}) {
  const { id, revision, blocks, frame, locate, watch } = props;
  const comments = useComments(id);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [openBlock, setOpenBlock] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const threadId = useId();

  const measure = useCallback(() => {
    if (!frame) return;
    if (comments.length === 0) return setMarkers((current) => (current.length === 0 ? current : []));
    const byBlock = new Map<string, Comment[]>();
    for (const comment of comments) byBlock.set(comment.blockId, [...(byBlock.get(comment.blockId) ?? []), comment]);
    const frameTop = frame.getBoundingClientRect().top;
    const next: Marker[] = [];
    for (const [blockId, list] of byBlock) {
      const element = locate(blockId);
      if (!element) continue;
      next.push({ blockId, top: element.getBoundingClientRect().top - frameTop, open: list.filter((comment) => !comment.resolvedAt).length, total: list.length });
    }
    setMarkers(next);
  }, [comments, frame, locate]);

  useLayoutEffect(() => {
    // Measured once per frame at most, when the browser lays out anyway: typing never waits for it.
    let pending = 0;
    const schedule = () => {
      if (pending === 0) {
        pending = requestAnimationFrame(() => {
          pending = 0;
          measure();
        });
      }
    };
    schedule();
    const stop = watch(schedule);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(pending);
      stop();
      window.removeEventListener('resize', schedule);
    };
  }, [measure, watch]);

  const labelOf = (blockId: string) => blocks.find((block) => block.id === blockId)?.label ?? t('comments.unknownBlock');
  const thread = openBlock ? markers.find((marker) => marker.blockId === openBlock) : undefined;
  return (
    <>
      {markers.map((marker) => (
        <button
          key={marker.blockId}
          type="button"
          className={marker.open > 0 ? 'comment-marker' : 'comment-marker comment-marker-done'}
          style={{ top: marker.top }}
          aria-expanded={openBlock === marker.blockId}
          aria-controls={openBlock === marker.blockId ? threadId : undefined}
          aria-label={t('comments.marker', { open: marker.open, total: marker.total, block: labelOf(marker.blockId) })}
          onClick={() => setOpenBlock(openBlock === marker.blockId ? null : marker.blockId)}
        >
          <span aria-hidden="true">
            <svg className="comment-marker-icon" viewBox="0 0 16 16" width="12" height="12">
              <path d="M2 2.5h12v8H6.5L3 13.5v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>{' '}
            {marker.open > 0 ? marker.open : '✓'}
          </span>
        </button>
      ))}
      {thread && (
        <section
          id={threadId}
          className="comment-thread"
          style={{ top: thread.top + 32 }}
          aria-label={t('comments.thread', { block: labelOf(thread.blockId) })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpenBlock(null);
          }}
        >
          <ul className="comment-list">
            {comments
              .filter((comment) => comment.blockId === thread.blockId)
              .map((comment) => (
                <CommentItem key={comment.id} id={id} revision={revision} comment={comment} blockLabel={null} onNotice={setNotice} />
              ))}
          </ul>
          {notice && <p role="status">{notice}</p>}
          <button type="button" onClick={() => setOpenBlock(null)}>
            {t('check.close')}
          </button>
        </section>
      )}
    </>
  );
}
