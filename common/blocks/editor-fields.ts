import type { MessageKey } from '../messages/index.js';

/**
 * How the side panel edits a block's attributes: data, so one generic form serves every block.
 * `name` is the node attribute (or the item property inside a list).
 */
export type EditorField =
  | { name: string; label: MessageKey; control: 'text' | 'textarea' | 'url'; hint?: MessageKey }
  | { name: string; label: MessageKey; control: 'checkbox'; hint?: MessageKey }
  | { name: string; label: MessageKey; control: 'select'; options: ReadonlyArray<{ value: string; label: MessageKey }>; hint?: MessageKey }
  | { name: string; label: MessageKey; control: 'media'; accept: readonly string[]; hint?: MessageKey }
  | { name: string; label: MessageKey; control: 'group'; fields: readonly EditorField[]; hint?: MessageKey }
  | {
      name: string;
      label: MessageKey;
      control: 'list';
      itemLabel: MessageKey;
      fields: readonly EditorField[];
      newItem: () => Record<string, unknown>;
      hint?: MessageKey;
    };

export const imageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const captionTypes = ['text/vtt'] as const;
export const videoTypes = ['video/mp4', 'video/webm'] as const;
export const downloadTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/jpeg',
  'image/png',
  'application/zip',
] as const;

/** The fields of one image: file, alt text (or decorative), caption, credit. */
export const imageEditorFields: readonly EditorField[] = [
  { name: 'media', label: 'field.image', control: 'media', accept: imageTypes },
  { name: 'alt', label: 'field.alt', control: 'textarea', hint: 'field.altHint' },
  { name: 'decorative', label: 'field.decorative', control: 'checkbox' },
  { name: 'caption', label: 'field.caption', control: 'text' },
  { name: 'credit', label: 'field.credit', control: 'text', hint: 'field.creditHint' },
];
