import { describe, expect, it } from 'vitest';
import { emptyArticle, type Article, type DocumentNode } from '../../common/article.js';
import { diffArticles, type BlockChange } from '../../common/diff/article-diff.js';
import { allBlocksBody, secondPhoto } from '../fixtures/all-blocks.js';

function release(content: DocumentNode[], meta: Partial<Article['meta']> = {}): Article {
  const base = emptyArticle();
  return { ...base, meta: { ...base.meta, title: 'Haushalt 2027', ...meta }, body: { type: 'doc', content } };
}

const p = (id: string, text: string): DocumentNode => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const statuses = (blocks: BlockChange[]) => blocks.map((block) => [block.blockId, block.status]);

describe('diffArticles', () => {
  it('finds nothing between equal versions', () => {
    const article = release(allBlocksBody().content);
    const diff = diffArticles(article, structuredClone(article));
    expect(diff.identical).toBe(true);
    expect(diff.meta).toEqual([]);
    expect(diff.blocks.every((block) => block.status === 'unchanged')).toBe(true);
  });

  it('marks blocks added, removed, moved and changed, in the newer order with removed blocks in place', () => {
    const older = release([p('a', 'Erster Absatz.'), p('r', 'Wird gestrichen.'), p('b', 'Zweiter Absatz.'), p('c', 'Dritter Absatz.'), p('d', 'Vierter Absatz.')]);
    const newer = release([p('b', 'Zweiter Absatz.'), p('c', 'Dritter Absatz.'), p('a', 'Erster Absatz.'), p('d', 'Vierter Absatz, länger.'), p('n', 'Neu.')]);
    const diff = diffArticles(older, newer);
    expect(statuses(diff.blocks)).toEqual([
      ['b', 'unchanged'],
      ['c', 'unchanged'],
      ['a', 'moved'],
      ['r', 'removed'],
      ['d', 'changed'],
      ['n', 'added'],
    ]);
    expect(diff.blocks[3]!.text).toEqual([{ kind: 'removed', text: 'Wird gestrichen.' }]);
    expect(diff.blocks[5]!.text).toEqual([{ kind: 'added', text: 'Neu.' }]);
    expect(diff.identical).toBe(false);
  });

  it('shows word-level insertions and deletions inside a changed paragraph', () => {
    const older = release([p('a', 'Der Haushalt wächst um zwei Prozent.')]);
    const newer = release([p('a', 'Der Landeshaushalt wächst um drei Prozent.')]);
    const [block] = diffArticles(older, newer).blocks;
    expect(block!.status).toBe('changed');
    const removed = block!.text.filter((part) => part.kind === 'removed').map((part) => part.text);
    const added = block!.text.filter((part) => part.kind === 'added').map((part) => part.text);
    expect(removed).toEqual(['Haushalt', 'zwei']);
    expect(added).toEqual(['Landeshaushalt', 'drei']);
    expect(block!.text.filter((part) => part.kind !== 'removed').map((part) => part.text).join('')).toBe('Der Landeshaushalt wächst um drei Prozent.');
  });

  it('lists changed attributes with their German labels: alt text, image file, speaker', () => {
    const body = allBlocksBody().content;
    const changed = structuredClone(body);
    const textMedia = changed.find((node) => node.type === 'textWithImage')!;
    const image = textMedia.attrs!.image as Record<string, unknown>;
    textMedia.attrs = { ...textMedia.attrs, image: { ...image, alt: 'Gewölbe mit Vitrinen', media: secondPhoto } };
    const quote = changed.find((node) => node.type === 'quote')!;
    quote.attrs = { ...quote.attrs, speaker: 'Heike Taubert' };
    const diff = diffArticles(release(body), release(changed));

    const media = diff.blocks.find((block) => block.blockId === 'textmedia-1')!;
    expect(media.status).toBe('changed');
    expect(media.label).toBe('Text mit Bild');
    expect(media.attributes.map((field) => [field.label, field.before, field.after])).toEqual([
      ['Bild – Bild', 'gewoelbe.jpg', 'bibliothek.png'],
      ['Bild – Alternativtext', 'Gewölbe mit Ausstellungsstücken', 'Gewölbe mit Vitrinen'],
    ]);
    const speaker = diff.blocks.find((block) => block.blockId === 'quote-1')!.attributes;
    expect(speaker.map((field) => [field.label, field.after])).toEqual([['Name', 'Heike Taubert']]);
  });

  it('notices a file replaced by another of the same name', () => {
    const body = allBlocksBody().content;
    const changed = structuredClone(body);
    const textMedia = changed.find((node) => node.type === 'textWithImage')!;
    const image = textMedia.attrs!.image as { media: { name: string } };
    textMedia.attrs = { ...textMedia.attrs, image: { ...image, media: { ...secondPhoto, name: image.media.name } } };
    const media = diffArticles(release(body), release(changed)).blocks.find((block) => block.blockId === 'textmedia-1')!;
    expect(media.attributes).toHaveLength(1);
  });

  it('counts a paragraph retyped in place (new id, mostly the same words) as changed', () => {
    const older = release([p('a', 'Der Haushalt wächst um zwei Prozent.'), p('b', 'Ganz anderer Text.')]);
    const newer = release([p('x', 'Der Haushalt wächst um drei Prozent.'), p('y', 'Nichts davon bleibt hier.')]);
    const blocks = diffArticles(older, newer).blocks;
    expect(blocks.map((block) => block.status)).toEqual(['changed', 'removed', 'added']);
    expect(blocks[0]!.text.filter((part) => part.kind !== 'same').map((part) => part.text)).toEqual(['zwei', 'drei']);
  });

  it('says when only the formatting changed', () => {
    const older = release([p('a', 'Wichtig.')]);
    const newer = release([{ type: 'paragraph', attrs: { id: 'a' }, content: [{ type: 'text', text: 'Wichtig.', marks: [{ type: 'bold' }] }] }]);
    const [block] = diffArticles(older, newer).blocks;
    expect(block).toMatchObject({ status: 'changed', formatOnly: true, attributes: [] });
  });

  it('lists changed metadata: title word by word, topics, teaser image', () => {
    const older = release([p('a', 'Text.')], { title: 'Haushalt 2027 beschlossen', topics: ['Finanzen'] });
    const newer = release([p('a', 'Text.')], {
      title: 'Doppelhaushalt 2027 beschlossen',
      topics: ['Finanzen', 'Landtag'],
      teaserImage: { media: secondPhoto, alt: 'Plenarsaal', decorative: false, caption: '', credit: '' },
    });
    const diff = diffArticles(older, newer);
    expect(diff.meta.map((field) => field.label)).toEqual(['Titel', 'Themen', 'Teaserbild – Bild', 'Teaserbild – Alternativtext']);
    expect(diff.meta[0]!.parts).toEqual([
      { kind: 'removed', text: 'Haushalt' },
      { kind: 'added', text: 'Doppelhaushalt' },
      { kind: 'same', text: ' 2027 beschlossen' },
    ]);
  });

  it('matches blocks without ids by their content', () => {
    const plain = (text: string): DocumentNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const diff = diffArticles(release([plain('Eins.'), plain('Zwei.')]), release([plain('Zwei.'), plain('Drei.')]));
    expect(diff.blocks.map((block) => block.status)).toEqual(['removed', 'unchanged', 'added']);
  });
});
