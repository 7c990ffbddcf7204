/**
 * Dates and times as German readers type them ("1.12.2026", "01.12.2026 10:00"), whatever the
 * browser's locale; stored as ISO ("2026-12-01", "2026-12-01T10:00"). ISO typed or pasted is
 * taken as well.
 */

/** What a typed text means: nothing, a stored value, or not a date. */
export type ParsedDateText = { kind: 'empty' } | { kind: 'value'; value: string } | { kind: 'invalid' };

const pad = (value: number) => String(value).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayOf(text: string): string | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function timeOf(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})(?:\s*Uhr)?$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : null;
}

/** "1.12.2026" (or "2026-12-01") as "2026-12-01". */
export function parseDateText(text: string): ParsedDateText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const day = dayOf(trimmed);
  return day ? { kind: 'value', value: day } : { kind: 'invalid' };
}

/** "1.12.2026 10:00" (also with a comma, "Uhr", or as ISO "2026-12-01T10:00") as "2026-12-01T10:00". */
export function parseDateTimeText(text: string): ParsedDateText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const match = /^(\S+?)(?:,?\s+|T)(\d{1,2}[:.]\d{2}(?:\s*Uhr)?)$/.exec(trimmed);
  const day = match ? dayOf(match[1]!) : null;
  const time = match ? timeOf(match[2]!) : null;
  return day && time ? { kind: 'value', value: `${day}T${time}` } : { kind: 'invalid' };
}

/** "2026-12-01" as "01.12.2026"; anything else unchanged. */
export function formatDateText(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** "2026-12-01T10:00" as "01.12.2026 10:00"; anything else unchanged. */
export function formatDateTimeText(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return match ? `${formatDateText(match[1]!)} ${match[2]}` : value;
}
