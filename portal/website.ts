import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Article } from '../common/article.js';
import { formatBerlin } from '../common/berlin-time.js';
import { collectMediaRefs, type MediaRef, type MediaResolver } from '../common/media.js';
import { escapeHtml } from '../common/rendering/html.js';
import { dateLine, renderArticle } from '../common/rendering/render-article.js';
import { withoutXmlIllegal } from '../common/xml-text.js';
import { portalMessage } from './messages.js';
import type { Portal } from './portal.js';

const PAGE_SIZE = 10;

/** Public media of live releases, and embeds from anywhere (a portal page may load a player). */
const websiteMedia: MediaResolver = { url: (media) => `/media/${media.sha256}`, external: (href) => href, name: () => undefined };

let stylesheet: string | undefined;

/** The site's icon: a small SVG (a browser asks for /favicon.ico whatever the page says). */
const FAVICON_PATH = '/presse/favicon.svg';
const favicon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#004a8f"/><path d="M8 9h16v3H8zm0 6h16v2H8zm0 5h11v2H8z" fill="#fff"/></svg>';

/** The portal stylesheet the app's preview uses, from the source tree (next to the build or not). */
function portalCss(): string {
  if (stylesheet !== undefined) return stylesheet;
  for (const relative of ['../common/rendering/portal.css', '../../common/rendering/portal.css']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return (stylesheet = readFileSync(path, 'utf8'));
  }
  throw new Error('common/rendering/portal.css not found');
}

/** The public website: `/presse/` (list), `/presse/<slug>` (a release), `/presse/feed.xml` (Atom). */
export async function handleWebsite(portal: Portal, method: string, url: URL, response: ServerResponse): Promise<boolean> {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.pathname;
  if (path === '/' || path === '/presse') {
    response.writeHead(301, { ...siteHeaders, Location: '/presse/' });
    response.end();
    return true;
  }
  if (path === '/favicon.ico' || path === FAVICON_PATH) {
    send(response, 200, 'image/svg+xml', favicon);
    return true;
  }
  if (path === '/presse/portal.css') {
    send(response, 200, 'text/css; charset=utf-8', portalCss());
    return true;
  }
  if (path === '/presse/') {
    const page = Math.max(1, Number.parseInt(url.searchParams.get('seite') ?? '1', 10) || 1);
    send(response, 200, 'text/html; charset=utf-8', listPage(portal, page));
    return true;
  }
  if (path === '/presse/feed.xml') {
    send(response, 200, 'application/atom+xml; charset=utf-8', feed(portal));
    return true;
  }
  const slug = /^\/presse\/([a-z0-9-]{1,120})$/.exec(path)?.[1];
  if (slug) {
    const found = portal.publishedBySlug(slug);
    if (found === 'gone') send(response, 410, 'text/html; charset=utf-8', page(portal, portalMessage('siteGoneTitle'), `<main><h1>${escapeHtml(portalMessage('siteGoneTitle'))}</h1><p>${escapeHtml(portalMessage('gone'))}</p></main>`));
    else if (!found) send(response, 404, 'text/html; charset=utf-8', page(portal, portalMessage('siteNotFoundTitle'), `<main><h1>${escapeHtml(portalMessage('siteNotFoundTitle'))}</h1></main>`));
    else send(response, 200, 'text/html; charset=utf-8', articlePage(portal, slug, found.row, found.article));
    return true;
  }
  const media = /^\/media\/([0-9a-f]{64})$/.exec(path)?.[1];
  if (media) {
    const file = portal.isPublicMedia(media) ? portal.mediaFile(media) : null;
    if (!file) {
      send(response, 404, 'text/plain; charset=utf-8', portalMessage('notFound'));
      return true;
    }
    response.writeHead(200, { ...siteHeaders, 'Content-Type': file.mimeType, 'Content-Length': file.size, 'Cache-Control': 'public, max-age=31536000, immutable', 'Content-Security-Policy': "default-src 'none'; sandbox" });
    createReadStream(file.path).pipe(response);
    return true;
  }
  return false;
}

/**
 * Every answer of the website: no page of it in another site's frame (clickjacking), no address
 * of it in the Referer beyond its origin, no guessing of content types.
 */
const siteHeaders = {
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
} as const;

function send(response: ServerResponse, status: number, type: string, text: string): void {
  // The API refuses such characters; stored older text may hold them, and one would break the feed.
  const body = withoutXmlIllegal(text);
  response.writeHead(status, {
    ...siteHeaders,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': "default-src 'self'; img-src 'self'; media-src 'self'; frame-src https:; style-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  response.end(body);
}

/** The footer of every page: the portal's name and its legal pages, as the profile names them. */
function siteFooter(portal: Portal): string {
  const { name, imprintUrl, privacyUrl } = portal.siteSettings();
  const links = [
    [imprintUrl, portalMessage('siteImprint')],
    [privacyUrl, portalMessage('sitePrivacy')],
  ].flatMap(([href, text]) => (href ? [`<li><a href="${escapeHtml(href)}">${escapeHtml(text!)}</a></li>`] : []));
  const legal = links.length > 0 ? `<nav aria-label="${escapeHtml(portalMessage('siteLegal'))}"><ul class="portal-site-legal">${links.join('')}</ul></nav>` : '';
  return `<footer class="portal-site-footer">${legal}<p>${escapeHtml(name)}</p></footer>`;
}

function page(portal: Portal, title: string, main: string, head = ''): string {
  const name = portal.profile().portal.name;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(name)}</title>
<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="/presse/portal.css">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(portalMessage('siteHeading'))}" href="/presse/feed.xml">
${head}</head>
<body class="portal portal-site">
<header class="portal-site-header"><p class="portal-site-name"><a href="/presse/">${escapeHtml(name)}</a></p></header>
${main}
${siteFooter(portal)}
</body>
</html>
`;
}


function listPage(portal: Portal, pageNumber: number): string {
  const { items, total } = portal.publishedPage(PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
  const heading = portalMessage('siteHeading');
  const entries = items
    .map(({ row, article }) => {
      const meta = [formatBerlin(row.published_at!, 'longDay'), article.meta.ministry].filter(Boolean).map(escapeHtml).join(' · ');
      const teaser = article.meta.teaserImage?.media ?? null;
      const picture = teaser ? `<img class="portal-list-image" src="/media/${teaser.sha256}" alt="${escapeHtml(article.meta.teaserImage!.decorative ? '' : article.meta.teaserImage!.alt)}">` : '';
      return `<li class="portal-list-item${picture ? ' portal-list-item-with-image' : ''}">
${picture}<div class="portal-list-text">
<h2><a href="/presse/${escapeHtml(row.slug!)}">${escapeHtml(article.meta.title)}</a></h2>
<p class="portal-list-meta">${meta}</p>
${article.meta.lead ? `<p class="portal-list-lead">${escapeHtml(article.meta.lead)}</p>` : ''}
</div>
</li>`;
    })
    .join('\n');
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const nav: string[] = [];
  if (pageNumber > 1) nav.push(`<a href="/presse/?seite=${pageNumber - 1}" rel="prev">${escapeHtml(portalMessage('siteNewer'))}</a>`);
  if (pageNumber < pages) nav.push(`<a href="/presse/?seite=${pageNumber + 1}" rel="next">${escapeHtml(portalMessage('siteOlder'))}</a>`);
  const title = pageNumber > 1 ? `${heading} – ${portalMessage('sitePage', { page: pageNumber })}` : heading;
  return page(
    portal,
    title,
    `<main class="portal-list">
<h1>${escapeHtml(heading)}</h1>
${items.length === 0 ? `<p>${escapeHtml(portalMessage('siteEmpty'))}</p>` : `<ol class="portal-list-items">\n${entries}\n</ol>`}
${nav.length > 0 ? `<nav aria-label="${escapeHtml(portalMessage('sitePage', { page: pageNumber }))}">${nav.join(' ')}</nav>` : ''}
</main>`,
  );
}

interface PublishedRow {
  id: string;
  slug: string | null;
  published_at: string | null;
  corrected_at: string | null;
}

function articlePage(portal: Portal, slug: string, row: PublishedRow, article: Article): string {
  const address = `${portal.baseUrl}/presse/${slug}`;
  const image = leadImage(article);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.meta.title,
    description: article.meta.lead || undefined,
    inLanguage: 'de',
    datePublished: row.published_at,
    dateModified: row.corrected_at ?? row.published_at,
    url: address,
    mainEntityOfPage: address,
    author: article.meta.ministry ? { '@type': 'GovernmentOrganization', name: article.meta.ministry, url: portal.ministryUrl(article.meta.ministry) } : undefined,
    publisher: { '@type': 'GovernmentOrganization', name: portal.profile().portal.name, url: portal.profile().portal.url },
    image: image ? [`${portal.baseUrl}/media/${image.sha256}`] : undefined,
    keywords: article.meta.topics.length > 0 ? article.meta.topics.join(', ') : undefined,
  };
  // "<" is escaped so that no text of the release can close the script element.
  const description = article.meta.lead ? `<meta name="description" content="${escapeHtml(article.meta.lead)}">\n` : '';
  const head = `${description}<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>\n<link rel="canonical" href="${escapeHtml(address)}">\n`;
  const updated = row.corrected_at ? `<p class="portal-article-updated">${escapeHtml(portalMessage('siteUpdated', { date: formatBerlin(row.corrected_at, 'longDateTime') }))}</p>` : '';
  return page(
    portal,
    article.meta.title,
    `<main>
${renderArticle(article, websiteMedia)}
${updated}
<p class="portal-site-back"><a href="/presse/">← ${escapeHtml(portalMessage('siteBack'))}</a></p>
</main>`,
    head,
  );
}

/** The picture of a release: its teaser image, else the first image of its text. */
function leadImage(article: Article): MediaRef | null {
  return article.meta.teaserImage?.media ?? collectMediaRefs(article.body).find((media) => media.mimeType.startsWith('image/')) ?? null;
}

/** The namespace of the feed's own element: the history's newest entry, an anchor for `portal check --head`. */
export const historyNamespace = 'urn:pressestelle:portal:history';

function feed(portal: Portal): string {
  const { items } = portal.publishedPage(50, 0);
  const name = portal.profile().portal.name;
  const head = portal.historyHead();
  const updated = items[0]?.row.corrected_at ?? items[0]?.row.published_at ?? new Date(0).toISOString();
  const entries = items
    .map(({ row, article }) => {
      const address = `${portal.baseUrl}/presse/${row.slug!}`;
      return `<entry>
<id>urn:uuid:${row.id}</id>
<title>${escapeHtml(article.meta.title)}</title>
<link rel="alternate" type="text/html" href="${escapeHtml(address)}"/>
<published>${row.published_at!}</published>
<updated>${row.corrected_at ?? row.published_at!}</updated>
${article.meta.ministry ? `<author><name>${escapeHtml(article.meta.ministry)}</name></author>` : `<author><name>${escapeHtml(name)}</name></author>`}
<summary>${escapeHtml([dateLine(article.meta.place, article.meta.date), article.meta.lead].filter(Boolean).join(' – '))}</summary>
</entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:pressestelle="${historyNamespace}" xml:lang="de">
<id>${escapeHtml(portal.baseUrl)}/presse/</id>
<title>${escapeHtml(`${portalMessage('siteHeading')} – ${name}`)}</title>
<link rel="self" href="${escapeHtml(portal.baseUrl)}/presse/feed.xml"/>
<link rel="alternate" type="text/html" href="${escapeHtml(portal.baseUrl)}/presse/"/>
<updated>${updated}</updated>
${head ? `<pressestelle:historyHead seq="${head.seq}">${head.hash}</pressestelle:historyHead>\n` : ''}${entries}
</feed>
`;
}
