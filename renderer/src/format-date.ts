const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** "29.11.2026, 08:15" in Berlin time, whatever the machine's zone. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
