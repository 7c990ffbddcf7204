import { Editor, type JSONContent } from '@tiptap/core';
import { documentExtensions } from '../common/blocks/catalog.js';

// The second baseline: bare TipTap with the block catalog's schema, holding the very same
// document as the app. What the app costs beyond it is the app; what it shares is the structure.
(window as unknown as { mountBaseline: (content: JSONContent) => void }).mountBaseline = (content) => {
  const element = document.createElement('div');
  document.body.append(element);
  new Editor({ element, extensions: documentExtensions(), content });
};
