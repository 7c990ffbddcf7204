import type { Article } from '../article.js';
import { formatBerlin } from '../berlin-time.js';
import type { MediaResolver } from '../media.js';
import { contentMessage } from '../messages/index.js';
import { toContentElements, elementSpec } from './content-elements.js';
import { releaseExtrasSpec } from './release-extras.js';
import { fragmentToHtml, type HtmlSpec } from '../markup/html-spec.js';

/** "Erfurt, 29. November 2026" from place and date; either may be missing. */
export function dateLine(place: string, date: string): string {
  const formatted = date ? formatBerlin(date, 'longDay') : '';
  return [place, formatted].filter(Boolean).join(', ');
}

/** The whole release as the portal's article page shows it: the one renderer for preview and publishing. */
export function articleSpec(article: Article, media: MediaResolver): HtmlSpec {
  const { meta } = article;
  const line = dateLine(meta.place, meta.date);
  return [
    'article',
    { class: 'portal-article', lang: 'de' },
    [
      'header',
      { class: 'portal-article-header' },
      ['h1', { class: 'portal-article-title' }, meta.title],
      ...(meta.ministry ? [['p', { class: 'portal-article-author' }, contentMessage('portal.author', { ministry: meta.ministry })] as const] : []),
      ...(line ? [['p', { class: 'portal-article-dateline' }, line] as const] : []),
    ],
    ...(meta.lead ? [['p', { class: 'portal-article-lead' }, ['strong', meta.lead]] as const] : []),
    ...toContentElements(article.body).map((element) => elementSpec(element, { media, editor: false })),
    ...releaseExtrasSpec(meta),
  ];
}

export function renderArticle(article: Article, media: MediaResolver): string {
  return fragmentToHtml([articleSpec(article, media)]);
}
