import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

// The baseline: bare TipTap with StarterKit, mounted by the benchmark with the same text.
(window as unknown as { mountBaseline: (content: JSONContent) => void }).mountBaseline = (content) => {
  const element = document.createElement('div');
  document.body.append(element);
  new Editor({ element, extensions: [StarterKit], content });
};
