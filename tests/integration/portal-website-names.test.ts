import { describe, expect, it } from 'vitest';
import { demoRelease, usePortal } from './portal-harness.js';

describe('the public website names no uploader’s file', () => {
  const t = usePortal();

  it('pages carry no original file names; a download is saved under its link title', async () => {
    const article = structuredClone(demoRelease);
    // The example profile cannot render videos; the rest of the demo release goes live.
    article.body.content = article.body.content!.filter((block) => block.type !== 'video');
    const names = [...JSON.stringify(article.body).matchAll(/"name":"([^"]+\.(?:png|pdf|vtt))"/g)].map((match) => match[1]!);
    expect(names).toEqual(expect.arrayContaining(['domplatz.png', 'haushalt-2027.pdf']));
    const { id } = await t.approved(article);
    const published = await t.as.author.transition(id, 'publish', 1);
    expect(published.status).toBe(200);

    const page = await (await fetch(published.body.url as string)).text();
    const feed = await (await fetch(`${t.server.url}/presse/feed.xml`)).text();
    for (const name of names) {
      expect(page).not.toContain(name);
      expect(feed).not.toContain(name);
    }
    expect(page).not.toMatch(/data-(?:[a-z]+-)?name=/);
    expect(page).toMatch(/<a href="\/media\/[0-9a-f]{64}" download="[a-z0-9-]+\.pdf"/);
  });
});
