import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { defineBlock, type RenderContext } from './block-definition.js';
import { imageEditorFields, type EditorField } from './editor-fields.js';
import { creditSpec, emptyImage, imageFromElement, imageSchema, imageSpec } from './image.js';
import { contentMessage } from '../messages/index.js';
import { atomBlockNode } from './node-attributes.js';
import { wpGallery, wpImage } from './wordpress-markup.js';
import { escapeHtml } from '../markup/html.js';

const slideSchema = imageSchema.extend({ title: z.string().max(200), text: z.string().max(1000) });
const fieldsSchema = z.object({ slides: z.array(slideSchema) });
type Fields = z.infer<typeof fieldsSchema>;

function slidesOf(value: unknown): Fields['slides'] {
  const parsed = z.array(slideSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** A short, stable name for one slider's slides (anchors must be unique on the page; no script gives them out). */
function sliderKey(slides: Fields['slides']): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(slides)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `slider-${hash.toString(36)}`;
}

/** "‹ Vorheriges Bild", "2 von 5", "Nächstes Bild ›": links to the neighbouring slides, so no script is needed. */
function slideNav(key: string, index: number, count: number): HtmlSpec {
  const link = (target: number, label: string, text: string): HtmlSpec => ['a', { class: 'ce-slide-step', href: `#${key}-${target + 1}`, 'aria-label': label }, text];
  return [
    'p',
    { class: 'ce-slide-nav' },
    ...(index > 0 ? [link(index - 1, contentMessage('portal.slidePrevious'), '‹')] : []),
    ['span', { class: 'ce-slide-counter' }, contentMessage('portal.slidePosition', { position: index + 1, count })],
    ...(index < count - 1 ? [link(index + 1, contentMessage('portal.slideNext'), '›')] : []),
  ];
}

/**
 * One slide at a time, the track scrolls sideways (CSS scroll snap): the track is focusable (arrow
 * keys scroll it), each slide says "2 von 5" and links to its neighbours. Works without script,
 * by keyboard and screen reader; the editor shows the slides without the links.
 */
function render(fields: Fields, context: RenderContext): HtmlSpec {
  const count = fields.slides.length;
  const key = sliderKey(fields.slides);
  return [
    'div',
    { class: 'ce-slider', role: 'region', 'aria-roledescription': contentMessage('portal.carousel'), 'aria-label': contentMessage('portal.carouselLabel') },
    [
      'ul',
      { class: 'ce-slider-track', tabindex: context.editor ? undefined : '0' },
      ...fields.slides.map(
        (slide, index): HtmlSpec => [
          'li',
          { class: 'ce-slide', id: context.editor ? undefined : `${key}-${index + 1}`, 'aria-roledescription': contentMessage('portal.slide'), 'aria-label': contentMessage('portal.slidePosition', { position: index + 1, count }) },
          ['figure', imageSpec(slide, context.media), [
            'figcaption',
            ['strong', { class: 'ce-slide-title' }, slide.title],
            ['span', { class: 'ce-slide-text' }, slide.text],
            ...(slide.credit ? [creditSpec(slide.credit)] : []),
          ]],
          ...(context.editor || count < 2 ? [] : [slideNav(key, index, count)]),
        ],
      ),
    ],
  ];
}

export const sliderEditorFields: readonly EditorField[] = [
  {
    name: 'slides',
    label: 'field.slides',
    control: 'list',
    itemLabel: 'field.slideItem',
    fields: [
      { name: 'title', label: 'field.title', control: 'text' },
      { name: 'text', label: 'field.text', control: 'textarea' },
      ...imageEditorFields.filter((field) => field.name !== 'caption'),
    ],
    newItem: () => ({ ...emptyImage(), title: '', text: '' }),
  },
];

const SliderNode = atomBlockNode({
  name: 'slider',
  defaults: { slides: [] },
  selector: 'div.ce-slider',
  readAttributes: (element) => ({
    slides: [...element.querySelectorAll('li.ce-slide')].map((slide) => ({
      ...imageFromElement(slide.querySelector('figure')),
      caption: '',
      title: slide.querySelector('.ce-slide-title')?.textContent ?? '',
      text: slide.querySelector('.ce-slide-text')?.textContent ?? '',
    })),
  }),
  render: (node) => render(sliderBlock.toFields(node), { media: mediaPathResolver, editor: true }),
});

/** "Slider": slides of image, title and text ("Vollbreit-Slider", "Bild des Tages"). */
export const sliderBlock = defineBlock<Fields>({
  name: 'slider',
  elementType: 'mask_thslider',
  label: 'block.slider',
  description: 'block.slider.description',
  keywords: ['slider', 'karussell', 'diashow', 'bild des tages'],
  editing: 'panel',
  extensions: [SliderNode],
  fieldsSchema,
  editorFields: sliderEditorFields,
  create: () => ({ type: 'slider', attrs: { slides: [] } }),
  toFields: (node) => ({ slides: slidesOf(node.attrs?.slides) }),
  fromFields: (fields, id) => ({ type: 'slider', attrs: { id, slides: fields.slides } }),
  render,
  // WordPress has no slider block: the slides become a core/gallery, each slide's title and text its caption.
  wordpress: (fields, context) =>
    wpGallery(
      fields.slides.map((slide) =>
        wpImage({ ...slide, caption: slide.text }, context, (credit) => contentMessage('portal.credit', { credit }), slide.title ? `<strong>${escapeHtml(slide.title)}</strong>` : ''),
      ),
    ),
});
