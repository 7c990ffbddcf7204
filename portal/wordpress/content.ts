import type { Article } from '../../common/article.js';
import { formatBerlin } from '../../common/berlin-time.js';
import { blockCatalog } from '../../common/blocks/catalog.js';
import { escapeHtml } from '../../common/markup/html.js';
import { wpHtml, wpParagraph, type WordPressContext } from '../../common/blocks/wordpress-markup.js';
import { toContentElements } from '../../common/rendering/content-elements.js';
import { portalMessage } from '../messages.js';

/**
 * The post's content in block editor markup: the lead as the first paragraph, on a correction
 * "Aktualisiert am …", then each block by its catalog mapping (the portal's markup in a core/html
 * block where a block has none yet).
 */
export function postContent(article: Article, context: WordPressContext, correctedAt: string | null): string {
  const parts: string[] = [];
  if (article.meta.lead) parts.push(wpParagraph(`<strong>${escapeHtml(article.meta.lead)}</strong>`));
  if (correctedAt) parts.push(wpParagraph(`<em>${escapeHtml(portalMessage('wordpressUpdated', { date: formatBerlin(correctedAt, 'longDateTime') }))}</em>`));
  for (const element of toContentElements(article.body)) {
    const block = blockCatalog.find((candidate) => candidate.name === element.block);
    if (!block) continue;
    const fields = block.fieldsSchema.parse(element.fields);
    parts.push(block.wordpress ? block.wordpress(fields, context) : wpHtml(block.render(fields, { media: context.media, editor: false })));
  }
  return parts.filter(Boolean).join('\n\n');
}
