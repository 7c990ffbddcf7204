import { describe, expect, it } from 'vitest';
import { safeHref } from '../../common/markup/html.js';

describe('safeHref reads addresses as browsers do (WHATWG URL parsing) before it allows them', () => {
  it('refuses what looks like a path but leads to another site', () => {
    for (const hostile of ['/\\evil.example/x', '/\t/evil.example/y', '/\n/evil.example/y', '//evil.example/z', '\\\\evil.example\\w', '/\\/evil.example', ' /\\evil.example']) {
      expect(safeHref(hostile), JSON.stringify(hostile)).toBeNull();
    }
  });

  it('refuses script and data addresses however they are hidden', () => {
    for (const hostile of ['javascript:alert(1)', 'java\tscript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(safeHref(hostile), JSON.stringify(hostile)).toBeNull();
    }
  });

  it('keeps paths on the site, normalised, and absolute http(s), mailto and tel addresses', () => {
    expect(safeHref('/presse/2026/mitteilung?x=1#teil')).toBe('/presse/2026/mitteilung?x=1#teil');
    expect(safeHref('/presse/../kontakt')).toBe('/kontakt');
    expect(safeHref('https://www.thueringen.de/pfad?q=a&b=c#f')).toBe('https://www.thueringen.de/pfad?q=a&b=c#f');
    expect(safeHref('mailto:presse@tmwk.thueringen.de')).toBe('mailto:presse@tmwk.thueringen.de');
    expect(safeHref('tel:+49361123')).toBe('tel:+49361123');
  });

  it('refuses relative addresses that are not paths, and empty ones', () => {
    for (const other of ['', '   ', 'presse/x', '?q=1', '#anker', 'www.example.org']) expect(safeHref(other), JSON.stringify(other)).toBeNull();
  });
});
