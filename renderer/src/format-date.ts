import { formatBerlin } from '../../common/berlin-time.js';

/** "29.11.2026, 08:15" in Berlin time, whatever the machine's zone. */
export function formatDateTime(iso: string): string {
  return formatBerlin(iso, 'dateTime');
}
