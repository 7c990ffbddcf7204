import { currentLocale, type Locale } from './messages/index.js';

/**
 * Europe/Berlin wall-clock time ("2026-12-01T10:00", as people enter an embargo) and the
 * instant it denotes, in any process and whatever the machine's own time zone.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Berlin's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const values = Object.fromEntries(parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(values.year), Number(values.month) - 1, Number(values.day), Number(values.hour), Number(values.minute), Number(values.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant of a Berlin wall-clock time. In the autumn hour that happens twice, the earlier
 * (summer time) is meant; a time skipped in spring counts as the hour after the gap.
 */
export function berlinToInstant(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`not a Berlin date and time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Try the summer offset first, so an ambiguous autumn time resolves to the earlier instant.
  for (const offset of [120, 60]) {
    const instant = wall - offset * 60_000;
    if (offsetMinutes(instant) === offset) return new Date(instant);
  }
  return new Date(wall - 60 * 60_000);
}

/** The Berlin wall-clock time of an instant, "YYYY-MM-DDTHH:mm". */
export function instantToBerlin(instant: Date): string {
  const values = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${values.year}-${values.month}-${values.day}T${values.hour}:${values.minute}`;
}

/** "01.01.2099, 10:00" for a Berlin wall-clock time "2099-01-01T10:00", as German readers write it. */
export function formatBerlinLocal(local: string, locale: Locale = currentLocale()): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? formatBerlin(berlinToInstant(local), 'dateTime', locale) : local;
}

/**
 * How a date is shown: "29.11.2026, 08:15" (`dateTime`), "29.11.2026" (`day`), "29. November 2026"
 * (`longDay`), "29. November 2026 um 08:15" (`longDateTime`).
 */
export type BerlinDateStyle = 'dateTime' | 'day' | 'longDay' | 'longDateTime';

const styles: Record<BerlinDateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  day: { dateStyle: 'medium' },
  longDay: { day: 'numeric', month: 'long', year: 'numeric' },
  longDateTime: { dateStyle: 'long', timeStyle: 'short' },
};
const languageTags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The one date formatter of every process: an instant (ISO string or Date) as people in Berlin
 * read it, whatever the machine's own zone; a calendar day ("2026-12-01") as that very day.
 */
export function formatBerlin(value: string | Date, style: BerlinDateStyle, locale: Locale = currentLocale()): string {
  const calendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const key = `${locale} ${style} ${calendarDay}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(languageTags[locale], { ...styles[style], timeZone: calendarDay ? 'UTC' : 'Europe/Berlin' });
    formatters.set(key, formatter);
  }
  return formatter.format(calendarDay ? new Date(`${value as string}T00:00:00Z`) : new Date(value));
}
