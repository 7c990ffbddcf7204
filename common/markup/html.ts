/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Builds ` name="value"` pairs, skipping undefined, null and false. */
export function attributes(values: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

const safeProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Stands for "this site" while a site-relative address is resolved. */
const SITE = 'https://site.invalid';

/**
 * A link target the portal may output: http(s), mailto, tel, or a path on the same site;
 * anything else is dropped. Addresses are read as browsers read them (WHATWG URL parsing):
 * `/\evil.example/x` or `/<TAB>/evil.example` look like paths but lead off the site, so they
 * are judged by where they lead, and what is returned is the parsed, normalised address.
 */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed, `${SITE}/`);
  } catch {
    return null;
  }
  if (url.origin === SITE) return trimmed.startsWith('/') ? `${url.pathname}${url.search}${url.hash}` : null;
  // A relative address that is not a path ("presse/x", "?q") or leaves the site through parsing is no link of ours.
  if (!/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return null;
  return safeProtocols.has(url.protocol) ? url.href : null;
}
