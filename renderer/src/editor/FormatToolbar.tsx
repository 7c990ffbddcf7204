import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { passageLanguages } from '../../../common/blocks/language-mark.js';
import { safeHref } from '../../../common/rendering/html.js';
import { t } from '../messages.js';

/** Bold, italic, lists, super- and subscript and links: the formatting the portal's text element knows. */
export function FormatToolbar({ editor, onInsert }: { editor: Editor; onInsert: () => void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      superscript: current.isActive('superscript'),
      subscript: current.isActive('subscript'),
      link: current.isActive('link'),
      language: current.isActive('language') ? String(current.getAttributes('language').lang ?? '') : '',
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);

  const toggle = (label: Parameters<typeof t>[0], isActive: boolean, run: () => void, shortcut?: string) => (
    <button type="button" aria-pressed={isActive} onMouseDown={(event) => event.preventDefault()} onClick={run} title={shortcut ? `${t(label)} (${shortcut})` : t(label)}>
      {t(label)}
    </button>
  );

  return (
    <div className="format-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="primary" onClick={onInsert}>
        + {t('blockMenu.open')}
      </button>
      {toggle('toolbar.bold', active.bold, () => editor.chain().focus().toggleBold().run(), 'Strg+B')}
      {toggle('toolbar.italic', active.italic, () => editor.chain().focus().toggleItalic().run(), 'Strg+I')}
      {toggle('toolbar.bulletList', active.bulletList, () => editor.chain().focus().toggleBulletList().run())}
      {toggle('toolbar.orderedList', active.orderedList, () => editor.chain().focus().toggleOrderedList().run())}
      {toggle('toolbar.superscript', active.superscript, () => editor.chain().focus().toggleSuperscript().run())}
      {toggle('toolbar.subscript', active.subscript, () => editor.chain().focus().toggleSubscript().run())}
      {toggle('toolbar.link', active.link, () => setLinkOpen(true))}
      <select
        aria-label={t('toolbar.language')}
        title={t('toolbar.languageHint')}
        value={active.language}
        onChange={(event) => {
          const lang = event.target.value;
          const chain = editor.chain().focus();
          if (lang) chain.setMark('language', { lang }).run();
          else chain.unsetMark('language').run();
        }}
      >
        <option value="">{t('toolbar.languageGerman')}</option>
        {passageLanguages.map((lang) => (
          <option key={lang} value={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />
    </div>
  );
}

function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [address, setAddress] = useState('');
  const [error, setError] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setAddress(String(editor.getAttributes('link').href ?? ''));
      setError(false);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, editor]);

  function apply() {
    const href = safeHref(address);
    if (!href || href.startsWith('/')) {
      setError(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('toolbar.linkTitle')}</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <div className="panel-field">
          <label htmlFor={`${id}-href`}>{t('toolbar.linkAddress')}</label>
          <input id={`${id}-href`} type="url" value={address} onChange={(event) => setAddress(event.target.value)} aria-invalid={error} aria-describedby={error ? `${id}-error` : undefined} autoFocus />
          {error && (
            <p id={`${id}-error`} className="error" role="alert">
              {t('toolbar.linkInvalid')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {t('toolbar.linkRemove')}
          </button>
          <button type="submit" className="primary">
            {t('toolbar.linkApply')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
