import { z } from 'zod';
import { mediaPathResolver } from '../media.js';
import type { HtmlSpec } from '../markup/html-spec.js';
import { defineBlock, type RenderContext } from './block-definition.js';
import { imageEditorFields, type EditorField } from './editor-fields.js';
import { emptyImage, figcaptionSpec, imageFromElement, imageSchema, imageSpec } from './image.js';
import { atomBlockNode } from './node-attributes.js';
import { wpGallery, wpImage } from './wordpress-markup.js';
import { escapeHtml } from '../markup/html.js';
import { contentMessage } from '../messages/index.js';

const galleryImageSchema = imageSchema.extend({ title: z.string().max(200) });
const fieldsSchema = z.object({ images: z.array(galleryImageSchema) });
type Fields = z.infer<typeof fieldsSchema>;

function imagesOf(value: unknown): Fields['images'] {
  const parsed = z.array(galleryImageSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

function render(fields: Fields, context: RenderContext): HtmlSpec {
  return [
    'div',
    { class: 'ce-gallery' },
    ...fields.images.map(
      (image): HtmlSpec => [
        'figure',
        { class: 'ce-gallery-item' },
        imageSpec(image, context.media),
        ...figcaptionSpec(image, image.title ? [['strong', { class: 'ce-gallery-title' }, image.title]] : []),
      ],
    ),
  ];
}

export const galleryEditorFields: readonly EditorField[] = [
  {
    name: 'images',
    label: 'field.images',
    control: 'list',
    itemLabel: 'field.imageItem',
    fields: [{ name: 'title', label: 'field.title', control: 'text' }, ...imageEditorFields],
    newItem: () => ({ ...emptyImage(), title: '' }),
  },
];

const GalleryNode = atomBlockNode({
  name: 'gallery',
  defaults: { images: [] },
  selector: 'div.ce-gallery',
  readAttributes: (element) => ({
    images: [...element.querySelectorAll('figure.ce-gallery-item')].map((figure) => ({
      ...imageFromElement(figure),
      title: figure.querySelector('.ce-gallery-title')?.textContent ?? '',
    })),
  }),
  render: (node) => render(galleryBlock.toFields(node), { media: mediaPathResolver, editor: true }),
});

/** "Bildergalerie": a grid of images, each with title, caption, alt text and credit. */
export const galleryBlock = defineBlock<Fields>({
  name: 'gallery',
  elementType: 'mask_thgallery',
  label: 'block.gallery',
  description: 'block.gallery.description',
  keywords: ['galerie', 'bilder', 'fotos', 'bildergalerie'],
  editing: 'panel',
  extensions: [GalleryNode],
  fieldsSchema,
  editorFields: galleryEditorFields,
  create: () => ({ type: 'gallery', attrs: { images: [] } }),
  toFields: (node) => ({ images: imagesOf(node.attrs?.images) }),
  fromFields: (fields, id) => ({ type: 'gallery', attrs: { id, images: fields.images } }),
  render,
  // core/gallery (6.x: core/image blocks inside), each image from the media library with alt text and its title, caption and credit as caption.
  wordpress: (fields, context) =>
    wpGallery(fields.images.map((image) => wpImage(image, context, (credit) => contentMessage('portal.credit', { credit }), image.title ? `<strong>${escapeHtml(image.title)}</strong>` : ''))),
});
