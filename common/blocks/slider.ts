import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { defineBlock, type RenderContext } from './block-definition.js';
import { imageEditorFields, type EditorField } from './editor-fields.js';
import { creditSpec, emptyImage, imageFromElement, imageSchema, imageSpec } from './image.js';
import { contentMessage } from '../messages/index.js';
import { atomBlockNode } from './node-attributes.js';

const slideSchema = imageSchema.extend({ title: z.string().max(200), text: z.string().max(1000) });
const fieldsSchema = z.object({ slides: z.array(slideSchema) });
type Fields = z.infer<typeof fieldsSchema>;

function slidesOf(value: unknown): Fields['slides'] {
  const parsed = z.array(slideSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Slides scroll side by side (CSS scroll snap): usable without script, by keyboard and screen reader. */
function render(fields: Fields, context: RenderContext): HtmlSpec {
  return [
    'div',
    { class: 'ce-slider', role: 'region', 'aria-roledescription': contentMessage('portal.carousel'), 'aria-label': contentMessage('portal.carouselLabel'), tabindex: context.editor ? undefined : '0' },
    [
      'ul',
      { class: 'ce-slider-track' },
      ...fields.slides.map(
        (slide, index): HtmlSpec => [
          'li',
          { class: 'ce-slide', 'aria-roledescription': contentMessage('portal.slide'), 'aria-label': contentMessage('portal.slidePosition', { position: index + 1, count: fields.slides.length }) },
          ['figure', imageSpec(slide, context.media), [
            'figcaption',
            ['strong', { class: 'ce-slide-title' }, slide.title],
            ['span', { class: 'ce-slide-text' }, slide.text],
            ...(slide.credit ? [creditSpec(slide.credit)] : []),
          ]],
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
});
