import type { BlockDefinition } from '../../../common/blocks/block-definition.js';
import { blockCatalog } from '../../../common/blocks/catalog.js';
import { t } from '../messages.js';

/** Lower case with umlauts spelled out, so "ue" finds "ü" and "Uberschrift" finds "Überschrift". */
export function foldForSearch(value: string): string {
  return value
    .toLocaleLowerCase('de-DE')
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

/**
 * The blocks whose name, keywords or description contain every word of the query:
 * matches in the name first, then in keywords, then in the description.
 */
export function filterBlocks(query: string, catalog: readonly BlockDefinition<never>[] = blockCatalog): BlockDefinition<never>[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...catalog];
  const matchesAll = (text: string) => words.every((word) => text.includes(word));
  const ranked: Array<{ block: BlockDefinition<never>; rank: number }> = [];
  for (const block of catalog) {
    const label = foldForSearch(t(block.label));
    const keywords = foldForSearch(block.keywords.join(' '));
    const everything = `${label} ${keywords} ${foldForSearch(t(block.description))}`;
    if (matchesAll(label)) ranked.push({ block, rank: 0 });
    else if (matchesAll(`${label} ${keywords}`)) ranked.push({ block, rank: 1 });
    else if (matchesAll(everything)) ranked.push({ block, rank: 2 });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map(({ block }) => block);
}
