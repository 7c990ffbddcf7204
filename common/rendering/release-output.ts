import type { ArticleMeta } from '../article.js';
import { formatBerlinLocal } from '../berlin-time.js';
import { CONTENT_LOCALE, formatMessage, type Locale } from '../messages/index.js';

/**
 * What every output of a release (the Word file, the print view, its PDF) says besides the
 * portal's page: the marks at the top and the press contact at the end. Written once here, so
 * that a printed copy and a Word file never disagree about whether a text is approved.
 */
export interface ReleaseMarks {
  /** "Sperrfrist: 01.12.2026, 10:00 Uhr" when an embargo is set. */
  embargo: string | null;
  /** "ENTWURF – nicht zur Veröffentlichung" unless the text is the revision the portal approved. */
  draft: string | null;
}

export function releaseMarks(meta: Pick<ArticleMeta, 'embargo'>, approved: boolean, locale: Locale = CONTENT_LOCALE): ReleaseMarks {
  return {
    embargo: meta.embargo ? formatMessage('output.embargo', { embargo: formatBerlinLocal(meta.embargo, locale) }, locale) : null,
    draft: approved ? null : formatMessage('output.draft', {}, locale),
  };
}

/** One line of the press contact: "Telefon: 0361 …", the value linked where it is an address. */
export interface ContactLine {
  label: string | null;
  value: string;
  href: string | null;
}

/** The press contact as lines under its heading "Pressekontakt"; null when no field is filled. */
export function contactLines(contact: ArticleMeta['contact'], locale: Locale = CONTENT_LOCALE): { heading: string; lines: ContactLine[] } | null {
  const lines: ContactLine[] = [];
  if (contact.name.trim()) lines.push({ label: null, value: contact.name.trim(), href: null });
  if (contact.phone.trim()) {
    const phone = contact.phone.trim();
    lines.push({ label: formatMessage('output.contactPhone', {}, locale), value: phone, href: `tel:${phone.replace(/[^\d+]/g, '')}` });
  }
  if (contact.email.trim()) {
    const email = contact.email.trim();
    lines.push({ label: formatMessage('output.contactEmail', {}, locale), value: email, href: `mailto:${email}` });
  }
  return lines.length > 0 ? { heading: formatMessage('output.contact', {}, locale), lines } : null;
}
