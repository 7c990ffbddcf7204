import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../common/checks/rules.js';
import { t } from '../messages.js';
import type { EditorChecks } from './checks.js';

interface Open {
  findings: Finding[];
  top: number;
  left: number;
  /** Opened from the keyboard: its first button takes the focus, Escape returns to the text. */
  fromKeyboard: boolean;
}

/** How long the pointer may be away from the marked words and the popover before it closes. */
const CLOSE_DELAY_MS = 400;
/** How long the pointer rests on marked words before their findings show. */
const OPEN_DELAY_MS = 500;

/**
 * Like a spell checker: pointing at marked words (or pressing Alt+Enter with the cursor in them)
 * shows what the checks found there, each with its one-click fix.
 */
export function CheckPopover({ editor, checks }: { editor: Editor; checks: EditorChecks }) {
  const [open, setOpen] = useState<Open | null>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const popover = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const dom = editor.view.dom;
    let current: Element | null = null;
    const cancelClose = () => {
      if (closeTimer.current !== null) clearTimeout(closeTimer.current);
      closeTimer.current = null;
    };
    const closeSoon = () => {
      cancelClose();
      closeTimer.current = setTimeout(() => setOpen((value) => (value?.fromKeyboard ? value : null)), CLOSE_DELAY_MS);
    };
    // Like a tooltip: only when the pointer rests on marked words, not when it passes over them.
    let openTimer: ReturnType<typeof setTimeout> | null = null;
    const cancelOpen = () => {
      if (openTimer !== null) clearTimeout(openTimer);
      openTimer = null;
    };
    const onMove = (event: MouseEvent) => {
      const target = event.target as Element;
      const marked = target.closest('.check-word') ?? checks.flaggedBlock(target);
      if (marked === current) return;
      current = marked;
      cancelOpen();
      if (!marked || !dom.contains(marked)) return closeSoon();
      const { clientX, clientY } = event;
      openTimer = setTimeout(() => {
        openTimer = null;
        const pos = editor.view.posAtCoords({ left: clientX, top: clientY })?.pos;
        const findings = pos === undefined ? [] : checks.findingsAt(pos);
        if (findings.length === 0) return closeSoon();
        cancelClose();
        const rect = (marked.classList.contains('check-word') ? marked : target).getBoundingClientRect();
        setOpen({ findings, top: rect.bottom + 6, left: Math.min(rect.left, window.innerWidth - 360), fromKeyboard: false });
      }, OPEN_DELAY_MS);
    };
    const onLeave = () => {
      current = null;
      cancelOpen();
      closeSoon();
    };
    // Typing or clicking into the text puts it away at once.
    const onTextInput = () => {
      cancelOpen();
      cancelClose();
      setOpen((value) => (value?.fromKeyboard ? value : null));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.key !== 'Enter') return onTextInput();
      const { from } = editor.state.selection;
      const findings = checks.findingsAt(from);
      if (findings.length === 0) return;
      event.preventDefault();
      const coords = editor.view.coordsAtPos(from);
      setOpen({ findings, top: coords.bottom + 6, left: Math.min(coords.left, window.innerWidth - 360), fromKeyboard: true });
    };
    const stopFindings = checks.onFindings(() => setOpen(null));
    dom.addEventListener('mousemove', onMove);
    dom.addEventListener('mouseleave', onLeave);
    dom.addEventListener('keydown', onKeyDown);
    dom.addEventListener('mousedown', onTextInput);
    return () => {
      cancelOpen();
      cancelClose();
      dom.removeEventListener('mousedown', onTextInput);
      stopFindings();
      dom.removeEventListener('mousemove', onMove);
      dom.removeEventListener('mouseleave', onLeave);
      dom.removeEventListener('keydown', onKeyDown);
    };
  }, [editor, checks]);

  useEffect(() => {
    if (open?.fromKeyboard) popover.current?.querySelector<HTMLElement>('button')?.focus();
  }, [open]);

  if (!open) return null;
  const close = (focusText: boolean) => {
    setOpen(null);
    if (focusText) editor.view.focus();
  };
  return (
    <div
      ref={popover}
      className="check-popover"
      role="dialog"
      aria-label={t('check.popover')}
      style={{ top: open.top, left: Math.max(8, open.left) }}
      onMouseEnter={() => {
        if (closeTimer.current !== null) clearTimeout(closeTimer.current);
      }}
      onMouseLeave={() => {
        if (!open.fromKeyboard) closeTimer.current = setTimeout(() => setOpen(null), CLOSE_DELAY_MS);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
        }
      }}
      onBlur={(event) => {
        // Tabbing out of it puts it away; clicks inside keep it.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(null);
      }}
    >
      <ul>
        {open.findings.map((finding, index) => (
          <li key={`${finding.ruleId}-${index}`} className={`check-finding check-${finding.severity}`}>
            <p>{finding.message}</p>
            {finding.wcag && <p className="check-wcag">{t('check.wcag', { criterion: finding.wcag })}</p>}
            {finding.fix && (
              <button
                type="button"
                onClick={() => {
                  setOpen(null);
                  checks.fix(finding);
                  // Back to the text, where the keyboard left off.
                  editor.view.focus();
                }}
              >
                {t('check.fix', { label: finding.fix.label })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="check-popover-close" onClick={() => close(true)}>
        {t('check.close')}
      </button>
    </div>
  );
}
