import { readFileSync } from 'node:fs';
import type { Article } from '../../common/article.js';
import type { Image } from '../../common/blocks/image.js';
import { slugify } from '../../common/german-folding.js';
import { collectMediaRefs, fileExtension, type MediaRef } from '../../common/media.js';
import { contentMessage } from '../../common/messages/index.js';
import { DeliveryError, type DeliveryJob, type DestinationCheck, type DestinationConfig, type DestinationDriver } from '../destinations.js';
import { portalMessage } from '../messages.js';
import { WordPressClient, WordPressHttpError } from './client.js';
import { postContent } from './content.js';

interface Post {
  id: number;
  link: string;
  status: string;
}
interface Attachment {
  id: number;
  source_url: string;
}
interface Term {
  id: number;
}

const anyStatus = 'publish,future,draft,pending,private';

/**
 * A WordPress site as a destination. Exactly once without idempotency keys: before each write it
 * looks up what landed — the post by the portal's slug, each file by the SHA-256 in its name —
 * and sends only what is missing; a retry after a lost answer finds the first write.
 */
export class WordPressDestination implements DestinationDriver {
  private readonly client: WordPressClient;

  constructor(private readonly config: DestinationConfig) {
    this.client = new WordPressClient(config.url, config.user, config.secret);
  }

  async deliver(job: DeliveryJob): Promise<{ url: string | null }> {
    const existing = await this.findPost(job.slug);
    if (job.action === 'withdraw') {
      if (existing && existing.status !== 'draft') await this.client.post(`/wp/v2/posts/${existing.id}`, { status: 'draft' });
      return { url: null };
    }
    const attachments = await this.uploadMedia(job);
    const context = {
      attachment: (media: MediaRef) => attachments.get(media.sha256) ?? null,
      media: { url: (media: MediaRef) => attachments.get(media.sha256)?.url ?? '', external: (href: string) => href, name: () => undefined },
    };
    const { meta } = job.article;
    const teaser = meta.teaserImage?.media ? attachments.get(meta.teaserImage.media.sha256) : undefined;
    const post = {
      slug: job.slug,
      title: meta.title,
      excerpt: meta.lead,
      content: postContent(job.article, context, job.correctedAt),
      status: 'publish',
      date_gmt: job.publishedAt.replace(/\.\d+Z$|Z$/, ''),
      featured_media: teaser?.id ?? 0,
      tags: await this.terms('tags', meta.topics),
      categories: await this.terms('categories', meta.ministry ? [meta.ministry] : []),
    };
    const saved = await this.client.post<Post>(existing ? `/wp/v2/posts/${existing.id}` : '/wp/v2/posts', post);
    return { url: saved.link };
  }

  async test(): Promise<DestinationCheck[]> {
    const checks: DestinationCheck[] = [];
    try {
      await this.client.get('/');
      checks.push({ ok: true, message: portalMessage('testReachable', { url: this.config.url }) });
    } catch (error) {
      return [{ ok: false, message: error instanceof Error ? error.message : String(error) }];
    }
    try {
      const me = await this.client.get<{ capabilities?: Record<string, boolean> }>('/wp/v2/users/me', { context: 'edit' });
      checks.push({ ok: true, message: portalMessage('testLogin', { user: this.config.user }) });
      const rights: Array<[string, string]> = [
        ['publish_posts', 'Beiträge veröffentlichen'],
        ['upload_files', 'Dateien hochladen'],
        ['manage_categories', 'Schlagwörter und Kategorien anlegen'],
      ];
      for (const [capability, label] of rights) {
        const ok = me.capabilities?.[capability] === true;
        checks.push({ ok, message: `${portalMessage('testRight', { right: label })}${ok ? '' : ` – ${portalMessage('testMissing')}`}` });
      }
    } catch (error) {
      checks.push({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
    return checks;
  }

  private async findPost(slug: string): Promise<Post | undefined> {
    const found = await this.client.get<Post[]>('/wp/v2/posts', { slug, status: anyStatus, context: 'edit', _fields: 'id,link,status' });
    return found[0];
  }

  /** Every file of the release once in the media library, named by its SHA-256; alt text, caption and credit kept current. */
  private async uploadMedia(job: DeliveryJob): Promise<Map<string, { id: number; url: string }>> {
    const attachments = new Map<string, { id: number; url: string }>();
    const images = imagesOf(job.article);
    for (const media of collectMediaRefs(job.article)) {
      const name = media.sha256;
      let [attachment] = await this.client.get<Attachment[]>('/wp/v2/media', { slug: name, _fields: 'id,source_url' });
      if (!attachment) {
        const file = job.mediaFile(media.sha256);
        if (!file) throw new DeliveryError(portalMessage('wordpressMediaMissing', { sha256: media.sha256 }), true);
        attachment = await this.client.upload<Attachment>(`${name}.${fileExtension(media).toLowerCase()}`, file.mimeType, readFileSync(file.path));
      }
      const image = images.get(media.sha256);
      if (image) {
        const caption = [image.caption, image.credit ? contentMessage('portal.credit', { credit: image.credit }) : ''].filter(Boolean).join(' ');
        await this.client.post(`/wp/v2/media/${attachment.id}`, { alt_text: image.decorative ? '' : image.alt, caption, title: image.caption || name });
      }
      attachments.set(media.sha256, { id: attachment.id, url: attachment.source_url });
    }
    return attachments;
  }

  /** Tags for topics, a category for the ministry: found by slug, created when missing. */
  private async terms(taxonomy: 'tags' | 'categories', names: readonly string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) {
      const slug = slugify(name, { fallback: 'thema' });
      const [found] = await this.client.get<Term[]>(`/wp/v2/${taxonomy}`, { slug, _fields: 'id' });
      if (found) {
        ids.push(found.id);
        continue;
      }
      try {
        ids.push((await this.client.post<Term>(`/wp/v2/${taxonomy}`, { name, slug })).id);
      } catch (error) {
        // Created by an attempt whose answer was lost.
        if (error instanceof WordPressHttpError && error.body.code === 'term_exists' && error.body.data?.term_id) ids.push(error.body.data.term_id);
        else throw error;
      }
    }
    return ids;
  }
}

/** The image metadata (alt text, caption, credit) of each file, from wherever the release uses it. */
function imagesOf(article: Article): Map<string, Image> {
  const found = new Map<string, Image>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const media = record.media as MediaRef | undefined;
      if (media && typeof media === 'object' && typeof media.sha256 === 'string' && 'alt' in record && !found.has(media.sha256)) found.set(media.sha256, record as unknown as Image);
      Object.values(record).forEach(visit);
    }
  };
  visit(article);
  return found;
}
