import type { FormEvent } from 'react';
import { germanTypography } from '../../common/typography.js';

/**
 * German typography for plain text fields (title, lead): the same rules as in the editor,
 * applied before the character lands. Returns the new value, or null to let the input be.
 */
export function typographyOnBeforeInput(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>): string | null {
  // React builds onBeforeInput from the browser's textInput event: `data` is the typed text.
  const typed = (event as unknown as { data?: string }).data;
  const field = event.currentTarget;
  if (!typed || typed.length !== 1) return null;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const before = field.value.slice(0, start);
  const edit = germanTypography(before, typed);
  if (!edit) return null;
  event.preventDefault();
  const head = before.slice(0, before.length - edit.deleteBefore) + edit.insert;
  const value = head + field.value.slice(end);
  // Put the caret after the inserted text once React has rendered the new value.
  requestAnimationFrame(() => field.setSelectionRange(head.length, head.length));
  return value;
}
