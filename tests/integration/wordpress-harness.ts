import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Article, DocumentNode } from '../../common/article.js';
import { bluePng, orangePng, pdfBytes, vttBytes } from '../fixtures/media.js';
import type { WordPressSite } from '../wordpress/wordpress.js';
import { demoRelease, type PortalTest } from './portal-harness.js';

/** A post as the REST API answers it with `context=edit`. */
export interface Post {
  id: number;
  status: string;
  link: string;
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
  featured_media: number;
  tags: number[];
  categories: number[];
  date_gmt: string;
}

/** The smallest MP4 the portal recognises (an `ftyp` box): a video in the media library. */
export const mp4Bytes = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')]);

export const wordpressFiles = [bluePng, orangePng, pdfBytes, vttBytes, mp4Bytes];
export const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The demo release without the video (the example profile cannot render it), with a teaser image. */
export function demo(title?: string): Article {
  const article = structuredClone(demoRelease);
  article.body.content = article.body.content.filter((block) => block.type !== 'video');
  const withImage = article.body.content.find((block) => block.type === 'textWithImage')!;
  article.meta.teaserImage = withImage.attrs!.image as Article['meta']['teaserImage'];
  if (title) article.meta.title = title;
  return article;
}

/**
 * The demo release with every block: besides the demo's video at an address, a video file in the
 * media library, a teaser with an image, and an English passage ("Sprache des Abschnitts"). Needs a profile that renders
 * videos (`allowVideos`).
 */
export function demoWithEverything(title: string): Article {
  const article = structuredClone(demoRelease);
  article.meta.title = title;
  const withImage = article.body.content.find((block) => block.type === 'textWithImage')!;
  article.meta.teaserImage = withImage.attrs!.image as Article['meta']['teaserImage'];
  const external = article.body.content.find((block) => block.type === 'video')!;
  const file: DocumentNode = structuredClone(external);
  file.attrs = { ...file.attrs, id: 'video-file', title: 'Rede im Landtag', url: '', video: { sha256: hashOf(mp4Bytes), mimeType: 'video/mp4', size: mp4Bytes.length, name: 'rede.mp4' } };
  article.body.content.splice(article.body.content.indexOf(external), 0, file);
  const teasers = article.body.content.find((block) => block.type === 'teasers')!;
  const items = teasers.attrs!.items as Array<Record<string, unknown>>;
  teasers.attrs = { ...teasers.attrs, items: items.map((item, index) => (index === 0 ? { ...item, image: article.meta.teaserImage } : item)) };
  const first = article.body.content.find((block) => block.type === 'paragraph')!;
  first.content = [...(first.content ?? []), { type: 'text', text: ' ' }, { type: 'text', text: 'Digital first.', marks: [{ type: 'language', attrs: { lang: 'en' } }] }];
  return article;
}

/** The example profile with videos renderable; restarts the portal and signs everyone in again. */
export async function allowVideos(t: PortalTest): Promise<void> {
  t.profile = { ...t.profile, elementTypes: t.profile.elementTypes.map((type) => (type.name === 'mask_thvideo' ? { ...type, renderable: true } : type)) };
  await t.server.close();
  await t.start();
  await t.loginAll();
}

/** The portal delivers to `site` (as `user`), and holds the test files. */
export async function connectWordPress(t: PortalTest, site: WordPressSite, user = site.user, password = site.password): Promise<void> {
  t.server.portal.addDestination({ name: 'wordpress', type: 'wordpress', url: site.url, user, secret: password });
  for (const data of wordpressFiles) expect((await t.as.author.call('PUT', `/api/v1/media/${hashOf(data)}`, new Uint8Array(data))).status).toBeLessThan(300);
}

export const deliveryOf = async (t: PortalTest, id: string) =>
  ((await t.as.author.call('GET', `/api/v1/articles/${id}`)).body.deliveries as Array<Record<string, unknown>>).find((entry) => entry.destination === 'wordpress')!;

export const postsBySlug = (site: WordPressSite, slug: string) => site.rest<Post[]>('/wp/v2/posts', { slug, status: 'publish,draft,future,pending,private', context: 'edit' });

/** Approves and publishes `article` through the portal, runs the delivery, and answers the post WordPress holds. */
export async function publishToWordPress(t: PortalTest, site: WordPressSite, article: Article) {
  const { id } = await t.approved(article);
  const published = await t.as.author.transition(id, 'publish', 1);
  expect(published.status).toBe(200);
  const slug = (published.body.url as string).split('/').pop()!;
  await t.server.portal.deliveries.runDue();
  const entry = await deliveryOf(t, id);
  expect(entry).toMatchObject({ status: 'delivered', attempts: 1, error: null });
  const posts = await postsBySlug(site, slug);
  expect(posts).toHaveLength(1);
  return { id, published, entry, post: posts[0]! };
}
