import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { germanTypography } from '../../common/typography.js';

/**
 * German typography for plain text fields (title, lead): the same rules as in the editor,
 * applied before the character lands. `apply` receives the new value; it is rendered at once
 * and the caret put after the inserted text, so the next keystroke lands in the right place.
 */
export function applyTypographyOnBeforeInput(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>, apply: (value: string) => void): void {
  // React builds onBeforeInput from the browser's textInput event: `data` is the typed text.
  const typed = (event as unknown as { data?: string }).data;
  const field = event.currentTarget;
  if (!typed || typed.length !== 1) return;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const before = field.value.slice(0, start);
  const edit = germanTypography(before, typed);
  if (!edit) return;
  event.preventDefault();
  const head = before.slice(0, before.length - edit.deleteBefore) + edit.insert;
  flushSync(() => apply(head + field.value.slice(end)));
  field.setSelectionRange(head.length, head.length);
}
