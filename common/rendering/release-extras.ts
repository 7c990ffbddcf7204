import type { ArticleMeta } from '../article.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { CONTENT_LOCALE, formatMessage, type Locale } from '../messages/index.js';
import { contactLines } from './release-output.js';

/** "Themen: Haushalt, Finanzen"; null without topics. */
export function topicsLine(topics: readonly string[], locale: Locale = CONTENT_LOCALE): { label: string; text: string } | null {
  return topics.length > 0 ? { label: formatMessage('output.topics', {}, locale), text: topics.join(', ') } : null;
}

/**
 * What the reader finds below the text: the press contact ("Pressekontakt", name, phone, e-mail,
 * the addresses linked) and the topics. The same in the preview, on the portal's page and in print.
 */
export function releaseExtrasSpec(meta: Pick<ArticleMeta, 'contact' | 'topics'>, locale: Locale = CONTENT_LOCALE): HtmlSpec[] {
  const contact = contactLines(meta.contact, locale);
  const topics = topicsLine(meta.topics, locale);
  if (!contact && !topics) return [];
  const parts: HtmlSpec[] = [];
  if (contact) {
    parts.push([
      'section',
      { class: 'portal-article-contact' },
      ['h2', contact.heading],
      ...contact.lines.map((line): HtmlSpec => ['p', ...(line.label ? [`${line.label}: `] : []), line.href ? ['a', { href: line.href }, line.value] : line.value]),
    ]);
  }
  if (topics) parts.push(['p', { class: 'portal-article-topics' }, ['strong', `${topics.label}:`], ` ${topics.text}`]);
  return [['footer', { class: 'portal-article-footer' }, ...parts]];
}
