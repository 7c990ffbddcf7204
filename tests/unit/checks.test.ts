import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyArticle, type Article, type DocumentNode } from '../../common/article.js';
import { checkArticle, portalBoxColours, type CheckOptions, type CheckProfile } from '../../common/checks/rules.js';
import { demoPageDefects } from '../fixtures/demo-page-defects.js';
import { documentProblem } from '../../common/blocks/validate-document.js';
import { mediaPathResolver } from '../../common/media.js';
import { fromContentElements, toContentElements } from '../../common/rendering/content-elements.js';
import { renderArticle } from '../../common/rendering/render-article.js';

const demoRelease = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/demo-release.json', import.meta.url)), 'utf8')) as Article;
const exampleProfile = JSON.parse(readFileSync(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)), 'utf8')) as CheckProfile;
const now = new Date('2026-11-29T10:00:00.000Z');

const text = (value: string, marks?: DocumentNode['marks']): DocumentNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const p = (...content: DocumentNode[]): DocumentNode => ({ type: 'paragraph', attrs: { id: 'b1' }, content });
const link = (value: string, href: string) => text(value, [{ type: 'link', attrs: { href } }]);
const image = (alt: string, extra: Record<string, unknown> = {}) => ({
  media: { sha256: 'a'.repeat(64), mimeType: 'image/png', size: 98, name: 'gewoelbe.png' },
  alt,
  decorative: false,
  caption: '',
  credit: 'Land Thüringen',
  ...extra,
});
const textWithImage = (img: Record<string, unknown>): DocumentNode => ({ type: 'textWithImage', attrs: { id: 'b1', position: 'above', image: img }, content: [{ type: 'paragraph' }] });
const heading = (level: number, value: string, id = 'h'): DocumentNode => ({ type: 'heading', attrs: { id, level }, content: value ? [text(value)] : [] });
const cell = (type: 'tableHeader' | 'tableCell', value: string): DocumentNode => ({ type, content: [{ type: 'paragraph', content: value ? [text(value)] : [] }] });
const table = (rows: DocumentNode[][], caption = 'Zahlen'): DocumentNode => ({ type: 'table', attrs: { id: 'b1', caption }, content: rows.map((cells) => ({ type: 'tableRow', content: cells })) });
const video = (attrs: Record<string, unknown>): DocumentNode => ({ type: 'video', attrs: { id: 'b1', title: 'Rede', video: null, url: '', poster: null, captions: null, transcript: '', ...attrs } });

/** A complete release around the given blocks, so that only the rule under test can fire. */
function release(content: DocumentNode[], meta: Partial<Article['meta']> = {}): Article {
  const base = emptyArticle();
  return {
    ...base,
    meta: { ...base.meta, title: 'Haushalt 2027', lead: 'Der Entwurf liegt vor.', ministry: 'Thüringer Finanzministerium', date: '2026-11-29', ...meta },
    body: { type: 'doc', content },
  };
}

const ids = (article: Article, options: CheckOptions = {}) => checkArticle(article, { now, ...options }).map((finding) => finding.ruleId);

type Case = [rule: string, failing: Article, passing: Article, options?: CheckOptions];

const cases: Case[] = [
  ['preflight.renderable', release([video({ url: 'https://video.example/a.mp4', captions: { sha256: 'd'.repeat(64), mimeType: 'text/vtt', size: 1, name: 'a.vtt' } })]), release([p(text('Text.'))]), { profile: exampleProfile }],
  ['preflight.title', release([], { title: '' }), release([])],
  ['preflight.lead', release([], { lead: ' ' }), release([])],
  ['preflight.ministry', release([], { ministry: '' }), release([])],
  ['preflight.date', release([], { date: '' }), release([])],
  ['preflight.leadLength', release([], { lead: 'x'.repeat(601) }), release([], { lead: 'x'.repeat(600) }), { profile: exampleProfile }],
  ['preflight.embargoPast', release([], { embargo: '2026-11-29T10:00' }), release([], { embargo: '2026-11-29T12:00' })],
  ['preflight.imageCredit', release([textWithImage(image('Gewölbe', { credit: '' }))]), release([textWithImage(image('Gewölbe'))])],
  ['a11y.altMissing', release([textWithImage(image(''))]), release([textWithImage(image('', { decorative: true }))])],
  ['a11y.altPlaceholder', release([textWithImage(image('alternativer Text'))]), release([textWithImage(image('Gewölbe mit Ausstellungsstücken'))])],
  ['a11y.altPlaceholder', release([textWithImage(image('IMG_0042.jpg'))]), release([textWithImage(image('Gewölbe'))])],
  ['a11y.altPlaceholder', release([textWithImage(image('800 x 600'))]), release([textWithImage(image('Gewölbe'))])],
  ['a11y.altPlaceholder', release([textWithImage(image('https://example.org/bild.png'))]), release([textWithImage(image('Gewölbe'))])],
  ['a11y.altPrefix', release([textWithImage(image('Bild von einem Gewölbe'))]), release([textWithImage(image('Ein Gewölbe'))])],
  ['a11y.altTooLong', release([textWithImage(image('x'.repeat(151)))]), release([textWithImage(image('x'.repeat(150)))])],
  ['a11y.altEqualsCaption', release([textWithImage(image('Im Gewölbe', { caption: 'Im Gewölbe' }))]), release([textWithImage(image('Gewölbe mit Vitrinen', { caption: 'Im Gewölbe' }))])],
  ['a11y.linkGeneric', release([p(text('Den Entwurf gibt es '), link('hier', 'https://finanzen.thueringen.de/'))]), release([p(link('Haushaltsentwurf 2027', 'https://finanzen.thueringen.de/'))])],
  ['a11y.linkGeneric', release([{ type: 'teasers', attrs: { id: 'b1', teaserType: 'A', items: [{ headline: 'Orden', text: 'Verliehen.', href: 'https://x.de', linkText: 'weiter ...', image: image('', { decorative: true }) }] } }]), release([{ type: 'teasers', attrs: { id: 'b1', teaserType: 'A', items: [{ headline: 'Orden', text: 'Verliehen.', href: 'https://x.de', linkText: 'Zum Verdienstorden', image: image('', { decorative: true }) }] } }])],
  ['a11y.linkGeneric', release([p(link('»', 'https://x.de'))]), release([p(link('Landesportal', 'https://x.de'))])],
  ['a11y.linkRawUrl', release([p(link('https://finanzen.thueringen.de/haushalt', 'https://finanzen.thueringen.de/haushalt'))]), release([p(link('Haushalt', 'https://finanzen.thueringen.de/haushalt'))])],
  ['a11y.linkSameText', release([p(link('Haushalt', 'https://a.de')), { ...p(link('Haushalt', 'https://b.de')), attrs: { id: 'b2' } }]), release([p(link('Haushalt', 'https://a.de')), { ...p(link('Haushalt', 'https://a.de')), attrs: { id: 'b2' } }])],
  ['a11y.downloadInfo', release([p(link('Haushaltsentwurf', 'https://x.de/entwurf.pdf'))]), release([p(link('Haushaltsentwurf (PDF, 1,2 MB)', 'https://x.de/entwurf.pdf'))])],
  ['a11y.headingH1', release([heading(1, 'Titel')]), release([heading(2, 'Titel')])],
  ['a11y.headingSkip', release([heading(2, 'Eins'), heading(4, 'Drei')]), release([heading(2, 'Eins'), heading(3, 'Zwei')])],
  ['a11y.headingEmpty', release([heading(2, '')]), release([heading(2, 'Zwischentitel')])],
  ['a11y.headingTooLong', release([heading(2, 'x'.repeat(171))]), release([heading(2, 'x'.repeat(170))])],
  ['a11y.fakeHeading', release([p(text('Hintergrund', [{ type: 'bold' }]))]), release([p(text('Das ist ', [{ type: 'bold' }]), text('wichtig.'))])],
  ['a11y.fakeList', release([p(text('- Elterngeld'))]), release([p(text('Elterngeld - wie bisher.'))])],
  ['a11y.fakeList', release([p(text('1. Elterngeld'))]), release([p(text('Am 1. Januar.'))])],
  ['a11y.capitals', release([p(text('ACHTUNG WICHTIGE MITTEILUNG heute.'))]), release([p(text('Das ITOF tagte.'))])],
  ['a11y.capitals', release([p(text('ÄNDERUNGSÜBERSICHT folgt.'))]), release([p(text('Änderungsübersicht folgt.'))])],
  ['a11y.quoteAsHeading', release([{ type: 'quote', attrs: { id: 'b1', speaker: '', role: '' }, content: [p(text('Zentral statt verteilt'))] }]), release([{ type: 'quote', attrs: { id: 'b1', speaker: 'Dr. Schubert', role: '' }, content: [p(text('Zentral statt verteilt'))] }])],
  ['a11y.tableHeader', release([table([[cell('tableCell', 'Jahr'), cell('tableCell', 'Ereignis')]])]), release([table([[cell('tableHeader', 'Jahr'), cell('tableHeader', 'Ereignis')]])])],
  ['a11y.tableEmptyHeader', release([table([[cell('tableHeader', ''), cell('tableHeader', 'Ereignis')]])]), release([table([[cell('tableHeader', 'Jahr'), cell('tableHeader', 'Ereignis')]])])],
  ['a11y.tableCaption', release([table([[cell('tableHeader', 'Jahr')]], '')]), release([table([[cell('tableHeader', 'Jahr')]])])],
  ['a11y.videoCaptions', release([video({ video: { sha256: 'e'.repeat(64), mimeType: 'video/mp4', size: 1, name: 'rede.mp4' } })]), release([video({ video: { sha256: 'e'.repeat(64), mimeType: 'video/mp4', size: 1, name: 'rede.mp4' }, captions: { sha256: 'd'.repeat(64), mimeType: 'text/vtt', size: 1, name: 'rede.vtt' } })])],
  ['a11y.embedTitle', release([video({ url: 'https://video.example/a.mp4', title: '' })]), release([video({ url: 'https://video.example/a.mp4' })])],
  ['a11y.contrast', release([{ type: 'box', attrs: { id: 'b1', variant: 'gray' }, content: [p(text('Text.'))] }]), release([{ type: 'box', attrs: { id: 'b1', variant: 'gray' }, content: [p(text('Text.'))] }]), { boxColours: { ...portalBoxColours, gray: { color: '#999999', background: '#ededed' } } }],
  ['a11y.language', release([p(text('We must get out of the complexity trap and work together.'))]), release([p(text('Wir müssen raus aus der Komplexitätsfalle.'))])],
  ['read.longSentence', release([p(text(`${'Wort '.repeat(26).trim()}.`))]), release([p(text(`${'Wort '.repeat(25).trim()}.`))])],
  ['read.acronym', release([p(text('Das ITOF tagte in Dresden.'))]), release([p(text('Das IT- und Organisationsforum (ITOF) tagte.'))])],
];

describe('checks', () => {
  it.each(cases)('%s: fires on the failing fixture, not on the passing one', (rule, failing, passing, options = {}) => {
    // The box rule's passing case uses the real colours.
    const passingOptions = rule === 'a11y.contrast' ? {} : options;
    expect(ids(failing, options)).toContain(rule);
    expect(ids(passing, passingOptions)).not.toContain(rule);
  });

  it('every finding has a severity, a German message, its block and, for accessibility, a WCAG criterion', () => {
    const findings = checkArticle(demoPageDefects(), { now, profile: exampleProfile });
    for (const finding of findings) {
      expect(['error', 'warning', 'hint']).toContain(finding.severity);
      expect(finding.message.length).toBeGreaterThan(10);
      if (finding.ruleId.startsWith('a11y.') && finding.ruleId !== 'a11y.capitals') expect(finding.wcag).toMatch(/^\d\.\d\.\d+$/);
    }
    expect(findings.filter((finding) => finding.blockId === null).every((finding) => finding.ruleId.startsWith('preflight.'))).toBe(true);
  });

  it("catches the demo page's own defects: \"mehr\", \"weiter ...\", alt \"alternativer Text\", the unrenderable video", () => {
    const findings = checkArticle(demoPageDefects(), { now, profile: exampleProfile });
    const messages = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Der Linktext „mehr“'),
        expect.stringContaining('Der Linktext „weiter ...“'),
        expect.stringContaining('Der Alternativtext „alternativer Text“ ist ein Platzhalter'),
        expect.stringContaining('Der Baustein „Video“ (mask_thvideo) kann im Portal nicht dargestellt werden'),
      ]),
    );
  });

  it('the demo release, built through the UI with every defect fixed, has no errors (one slide lacks its credit)', () => {
    const findings = checkArticle(demoRelease, { now });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.ruleId)).toEqual(['preflight.imageCredit']);
  });

  it('fixes apply to the block: alt text without its prefix, a bold paragraph as a heading, a paragraph as a list', () => {
    const [prefix] = checkArticle(release([textWithImage(image('Bild von einem Gewölbe'))]), { now }).filter((finding) => finding.ruleId === 'a11y.altPrefix');
    const fixed = prefix!.fix!.apply(textWithImage(image('Bild von einem Gewölbe')));
    expect((fixed.attrs!.image as { alt: string }).alt).toBe('Einem Gewölbe');

    const [fake] = checkArticle(release([p(text('Hintergrund', [{ type: 'bold' }]))]), { now }).filter((finding) => finding.ruleId === 'a11y.fakeHeading');
    expect(fake!.fix!.apply(p(text('Hintergrund', [{ type: 'bold' }])))).toEqual({ type: 'heading', attrs: { id: 'b1', level: 2 }, content: [text('Hintergrund')] });

    const [list] = checkArticle(release([p(text('- Elterngeld'))]), { now }).filter((finding) => finding.ruleId === 'a11y.fakeList');
    expect(list!.fix!.apply(p(text('- Elterngeld')))).toMatchObject({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Elterngeld')] }] }] });
  });

  it('the fix for typed list items takes in the whole run of items of the same kind: one list, not one per line', () => {
    const items = ['• Elterngeld', '– Kindergeld', '* Wohngeld'].map((line) => p(text(line)));
    const after = [p(text('1. Danach gezählt')), p(text('Und ein Absatz.'))];
    const [first] = checkArticle(release([...items, ...after]), { now }).filter((finding) => finding.ruleId === 'a11y.fakeList');
    const following = [...items.slice(1), ...after];
    const absorbed = first!.fix!.absorbs!(following);
    expect(absorbed).toBe(2);
    const list = first!.fix!.apply(items[0]!, following.slice(0, absorbed));
    expect(list.type).toBe('bulletList');
    expect(list.content!.map((item) => item.content![0]!.content)).toEqual([[text('Elterngeld')], [text('Kindergeld')], [text('Wohngeld')]]);

    const numbered = ['1. Antrag stellen', '2) Bescheid abwarten', 'a) Widerspruch'].map((line) => p(text(line)));
    const [ordered] = checkArticle(release(numbered), { now }).filter((finding) => finding.ruleId === 'a11y.fakeList');
    expect(ordered!.fix!.absorbs!(numbered.slice(1))).toBe(2);
    expect(ordered!.fix!.apply(numbered[0]!, numbered.slice(1)).type).toBe('orderedList');
  });

  it('"Sprache des Abschnitts": the fix marks an English paragraph, which the portal renders with lang and which round-trips', () => {
    const english = p(text('We must get out of the complexity trap and work together.'));
    const [finding] = checkArticle(release([english]), { now }).filter((candidate) => candidate.ruleId === 'a11y.language');
    expect(finding!.fix!.label).toBe('Als Englisch markieren');
    const marked = finding!.fix!.apply(english);
    const article = release([marked]);
    expect(ids(article)).not.toContain('a11y.language');
    expect(documentProblem(article.body)).toBeNull();
    expect(renderArticle(article, mediaPathResolver)).toContain('<span lang="en">We must get out of the complexity trap and work together.</span>');
    expect(fromContentElements(toContentElements(article.body))).toEqual(article.body);
  });

  it('the box colours are the ones in portal.css', () => {
    const css = readFileSync(fileURLToPath(new URL('../../common/rendering/portal.css', import.meta.url)), 'utf8');
    for (const [variant, { color, background }] of Object.entries(portalBoxColours)) {
      expect(css).toContain(`.portal .ce-box-${variant} { background: ${background}; color: ${color}; }`);
    }
  });
});
